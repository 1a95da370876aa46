CREATE TABLE `patient_consents` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`version_id` text NOT NULL,
	`version` integer NOT NULL,
	`form_name` text NOT NULL,
	`lead_id` text,
	`patient_id` text,
	`field_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`text_sha256` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_relationship` text NOT NULL,
	`signer_stated` text,
	`signed_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	`revoke_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `intake_submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `intake_template_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patient_consents_submission_field` ON `patient_consents` (`submission_id`,`field_id`);--> statement-breakpoint
CREATE INDEX `patient_consents_org_patient` ON `patient_consents` (`organization_id`,`patient_id`,`signed_at`,`id`);--> statement-breakpoint
CREATE INDEX `patient_consents_org_lead` ON `patient_consents` (`organization_id`,`lead_id`,`signed_at`,`id`);