CREATE TABLE `referral_strength_rules` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `referrals` ADD `revenue_cents` integer;--> statement-breakpoint
CREATE INDEX `referrals_org_dir_date` ON `referrals` (`organization_id`,`direction`,`referral_date`,`provider_id`,`lead_id`,`patient_id`,`revenue_cents`);--> statement-breakpoint
CREATE INDEX `referrals_org_provider_dir_date` ON `referrals` (`organization_id`,`provider_id`,`direction`,`referral_date`,`lead_id`,`patient_id`,`revenue_cents`);