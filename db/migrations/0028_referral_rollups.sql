CREATE TABLE `referral_day_counts` (
	`organization_id` text NOT NULL,
	`day` text NOT NULL,
	`provider_id` text NOT NULL,
	`referrals` integer NOT NULL,
	`consultations` integer NOT NULL,
	`days_to_consultation` integer NOT NULL,
	`conversions` integer NOT NULL,
	`starts` integer NOT NULL,
	`days_to_start` integer NOT NULL,
	`consulted_starts` integer NOT NULL,
	`days_consultation_to_start` integer NOT NULL,
	`revenues` integer NOT NULL,
	`revenue_cents` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `day`, `provider_id`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_day_counts_org_day` ON `referral_day_counts` (`organization_id`,`day`,`provider_id`,`referrals`,`consultations`,`days_to_consultation`,`conversions`,`starts`,`days_to_start`,`consulted_starts`,`days_consultation_to_start`,`revenues`,`revenue_cents`);--> statement-breakpoint
CREATE INDEX `referral_day_counts_org_provider_day` ON `referral_day_counts` (`organization_id`,`provider_id`,`day`,`referrals`,`consultations`,`days_to_consultation`,`conversions`,`starts`,`days_to_start`,`consulted_starts`,`days_consultation_to_start`,`revenues`,`revenue_cents`);--> statement-breakpoint
CREATE TABLE `referral_outcomes` (
	`referral_id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`lead_id` text,
	`referral_date` text NOT NULL,
	`linked` integer NOT NULL,
	`revenue_cents` integer,
	`consulted_on` text,
	`started_on` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_outcomes_org_lead` ON `referral_outcomes` (`organization_id`,`lead_id`);