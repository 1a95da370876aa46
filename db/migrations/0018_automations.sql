CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`external_id` text NOT NULL,
	`patient_id` text,
	`case_id` text,
	`lead_id` text,
	`facility_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`invoiced_cents` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_org_external` ON `appointments` (`organization_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `appointments_org_starts` ON `appointments` (`organization_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `appointments_case_params` ON `appointments` (`case_id`,`status`,`ends_at`,`invoiced_cents`);--> statement-breakpoint
CREATE INDEX `appointments_org_patient` ON `appointments` (`organization_id`,`patient_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_org_lead` ON `appointments` (`organization_id`,`lead_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `automation_rule_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_id`) REFERENCES `automation_rules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_rule_versions_rule` ON `automation_rule_versions` (`rule_id`,`version`);--> statement-breakpoint
CREATE TABLE `automation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `automation_rules_org_status` ON `automation_rules` (`organization_id`,`status`);--> statement-breakpoint
CREATE TABLE `automation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`version` integer NOT NULL,
	`subject_id` text NOT NULL,
	`occurrence` text NOT NULL,
	`outbox_message_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_runs_once` ON `automation_runs` (`rule_id`,`version`,`subject_id`,`occurrence`);--> statement-breakpoint
CREATE INDEX `automation_runs_org_rule` ON `automation_runs` (`organization_id`,`rule_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `automation_runs_org_subject` ON `automation_runs` (`organization_id`,`subject_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `booking_syncs` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`facility_id` text NOT NULL,
	`via` text NOT NULL,
	`cases` integer NOT NULL,
	`appointments` integer NOT NULL,
	`synced_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_syncs_org_facility` ON `booking_syncs` (`organization_id`,`facility_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`external_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`facility_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`issue_date` text,
	`expiry_date` text,
	`max_sessions` integer,
	`invoiceable_cents` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_org_external` ON `cases` (`organization_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `cases_org_created` ON `cases` (`organization_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_org_patient` ON `cases` (`organization_id`,`patient_id`);--> statement-breakpoint
CREATE INDEX `cases_org_status_expiry` ON `cases` (`organization_id`,`status`,`expiry_date`);--> statement-breakpoint
CREATE INDEX `cases_org_facility_status` ON `cases` (`organization_id`,`facility_id`,`status`);--> statement-breakpoint
CREATE TABLE `message_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_templates_org_name` ON `message_templates` (`organization_id`,`name`);