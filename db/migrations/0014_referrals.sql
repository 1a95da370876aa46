CREATE TABLE `referral_practices` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`postal_code` text NOT NULL,
	`address_verification` text NOT NULL,
	`phone` text,
	`fax` text,
	`email` text,
	`website` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_practices_org_name` ON `referral_practices` (`organization_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`direction` text NOT NULL,
	`provider_id` text NOT NULL,
	`lead_id` text,
	`patient_id` text,
	`referral_date` text NOT NULL,
	`reason` text,
	`channel` text NOT NULL,
	`status` text,
	`slip_key` text,
	`slip_name` text,
	`slip_type` text,
	`slip_size` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `referring_providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_org_provider_date` ON `referrals` (`organization_id`,`provider_id`,`referral_date`,`id`);--> statement-breakpoint
CREATE INDEX `referrals_org_date` ON `referrals` (`organization_id`,`referral_date`,`id`);--> statement-breakpoint
CREATE INDEX `referrals_org_lead` ON `referrals` (`organization_id`,`lead_id`);--> statement-breakpoint
CREATE TABLE `referring_providers` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`practice_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`name_key` text NOT NULL,
	`practice_key` text NOT NULL,
	`city_key` text NOT NULL,
	`credentials` text,
	`npi` text,
	`email` text,
	`specialty` text NOT NULL,
	`letter_preference` text NOT NULL,
	`notes` text,
	`active` integer DEFAULT true NOT NULL,
	`merged_into` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practice_id`) REFERENCES `referral_practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referring_providers_org_name` ON `referring_providers` (`organization_id`,`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `referring_providers_org_practice_key` ON `referring_providers` (`organization_id`,`practice_key`);--> statement-breakpoint
CREATE INDEX `referring_providers_org_city` ON `referring_providers` (`organization_id`,`city_key`);--> statement-breakpoint
CREATE INDEX `referring_providers_org_npi` ON `referring_providers` (`organization_id`,`npi`);--> statement-breakpoint
CREATE INDEX `referring_providers_org_email` ON `referring_providers` (`organization_id`,`email`);--> statement-breakpoint
CREATE INDEX `referring_providers_practice` ON `referring_providers` (`practice_id`);