CREATE TABLE `intake_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`template_id` text NOT NULL,
	`version_id` text NOT NULL,
	`lead_id` text,
	`patient_id` text,
	`delivery` text NOT NULL,
	`recipient_email` text,
	`token_hash` text NOT NULL,
	`status` text NOT NULL,
	`expires_at` text NOT NULL,
	`sent_at` text NOT NULL,
	`opened_at` text,
	`started_at` text,
	`submitted_at` text,
	`reminded_at` text,
	`expired_at` text,
	`cancelled_at` text,
	`cancelled_by` text,
	`renewed_at` text,
	`renewals` integer DEFAULT 0 NOT NULL,
	`prefill` text NOT NULL,
	`draft_answers` text,
	`draft_saved_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `intake_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `intake_template_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "intake_requests_one_subject" CHECK((lead_id IS NULL) <> (patient_id IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_requests_tokenHash_unique` ON `intake_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_created` ON `intake_requests` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_lead` ON `intake_requests` (`organization_id`,`lead_id`,`status`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_patient` ON `intake_requests` (`organization_id`,`patient_id`,`status`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_template` ON `intake_requests` (`organization_id`,`template_id`);--> statement-breakpoint
CREATE INDEX `intake_requests_status_expiry` ON `intake_requests` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `intake_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`request_id` text NOT NULL,
	`template_id` text NOT NULL,
	`version_id` text NOT NULL,
	`lead_id` text,
	`patient_id` text,
	`answers` text NOT NULL,
	`signatures` text NOT NULL,
	`pdf_key` text,
	`submitted_at` text NOT NULL,
	`accepted_at` text,
	`accepted_by` text,
	`accepted_fields` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `intake_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `intake_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `intake_template_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_submissions_requestId_unique` ON `intake_submissions` (`request_id`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_submitted` ON `intake_submissions` (`organization_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_template` ON `intake_submissions` (`organization_id`,`template_id`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_lead` ON `intake_submissions` (`organization_id`,`lead_id`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_patient` ON `intake_submissions` (`organization_id`,`patient_id`);--> statement-breakpoint
CREATE TABLE `intake_template_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`published_by` text NOT NULL,
	`published_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `intake_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_template_versions_template_version` ON `intake_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `intake_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`description` text,
	`definition` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_templates_org_name` ON `intake_templates` (`organization_id`,`name_key`) WHERE archived_at IS NULL;--> statement-breakpoint
CREATE INDEX `intake_templates_org_created` ON `intake_templates` (`organization_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `checklist_template_items` ADD `intake_template_id` text;