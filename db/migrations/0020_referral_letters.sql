CREATE TABLE `outbox_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`message_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`content` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `outbox_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_attachments_message` ON `outbox_attachments` (`message_id`);--> statement-breakpoint
CREATE TABLE `referral_letter_settings` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`letterhead` text,
	`signature` text,
	`progress_every_months` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `referral_letter_templates` (
	`organization_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`organization_id`, `kind`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `referral_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`referral_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`event` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`sent_via` text,
	`sent_to` text,
	`sent_at` text,
	`sent_by` text,
	`subject` text,
	`body` text,
	`outbox_message_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `referring_providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_letters_event` ON `referral_letters` (`organization_id`,`referral_id`,`event`);--> statement-breakpoint
CREATE INDEX `referral_letters_org_status` ON `referral_letters` (`organization_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `referral_letters_org_provider` ON `referral_letters` (`organization_id`,`provider_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `referral_milestones` (
	`referral_id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`consultation_date` text,
	`consultation_outcome` text,
	`findings` text,
	`treatment_start_date` text,
	`completed_date` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_milestones_in_treatment` ON `referral_milestones` (`completed_date`,`treatment_start_date`);