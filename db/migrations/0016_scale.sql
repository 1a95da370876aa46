CREATE TABLE `lead_day_counts` (
	`organization_id` text NOT NULL,
	`day` text NOT NULL,
	`stage_id` text NOT NULL,
	`source_id` text NOT NULL,
	`coordinator_id` text NOT NULL,
	`converted` integer NOT NULL,
	`leads` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `day`, `stage_id`, `source_id`, `coordinator_id`, `converted`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `patient_name_tokens` (
	`organization_id` text NOT NULL,
	`token` text NOT NULL,
	`patient_id` text NOT NULL,
	PRIMARY KEY(`organization_id`, `token`, `patient_id`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_name_tokens_patient` ON `patient_name_tokens` (`patient_id`);--> statement-breakpoint
DROP INDEX `checklist_template_items_template`;--> statement-breakpoint
CREATE INDEX `checklist_template_items_template` ON `checklist_template_items` (`template_id`,`sort_order`,`created_at`);--> statement-breakpoint
DROP INDEX `facilities_org_created`;--> statement-breakpoint
CREATE INDEX `facilities_org_created` ON `facilities` (`organization_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `intake_requests_org_created`;--> statement-breakpoint
DROP INDEX `intake_requests_org_lead`;--> statement-breakpoint
DROP INDEX `intake_requests_org_patient`;--> statement-breakpoint
DROP INDEX `intake_requests_org_template`;--> statement-breakpoint
CREATE INDEX `intake_requests_org_status` ON `intake_requests` (`organization_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_created` ON `intake_requests` (`organization_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_lead` ON `intake_requests` (`organization_id`,`lead_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_patient` ON `intake_requests` (`organization_id`,`patient_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_requests_org_template` ON `intake_requests` (`organization_id`,`template_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `intake_submissions_org_submitted`;--> statement-breakpoint
DROP INDEX `intake_submissions_org_template`;--> statement-breakpoint
DROP INDEX `intake_submissions_org_lead`;--> statement-breakpoint
DROP INDEX `intake_submissions_org_patient`;--> statement-breakpoint
CREATE INDEX `intake_submissions_org_submitted` ON `intake_submissions` (`organization_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_template` ON `intake_submissions` (`organization_id`,`template_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_lead` ON `intake_submissions` (`organization_id`,`lead_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `intake_submissions_org_patient` ON `intake_submissions` (`organization_id`,`patient_id`,`submitted_at`,`id`);--> statement-breakpoint
DROP INDEX `leads_org_created`;--> statement-breakpoint
CREATE INDEX `leads_org_stage` ON `leads` (`organization_id`,`stage_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_org_coordinator` ON `leads` (`organization_id`,`coordinator_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_org_created` ON `leads` (`organization_id`,`created_at`,`id`,`stage_id`,`source_id`,`coordinator_id`,`patient_id`,`merged_into`);--> statement-breakpoint
DROP INDEX `patients_facility_name`;--> statement-breakpoint
CREATE INDEX `patients_org_name` ON `patients` (`organization_id`,`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `patients_facility_name` ON `patients` (`organization_id`,`facility_id`,`name_key`,`id`);--> statement-breakpoint
DROP INDEX `audit_org_time`;--> statement-breakpoint
DROP INDEX `audit_org_entity`;--> statement-breakpoint
CREATE INDEX `audit_org_type` ON `audit_events` (`organization_id`,`entity_type`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_org_actor` ON `audit_events` (`organization_id`,`actor_user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_org_time` ON `audit_events` (`organization_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_org_entity` ON `audit_events` (`organization_id`,`entity_type`,`entity_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `lead_activities_org_kind` ON `lead_activities` (`organization_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `pipeline_stages_org_order` ON `pipeline_stages` (`organization_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `assignments_org_open` ON `assignments` (`organization_id`,`ended_at`,`provider_id`);--> statement-breakpoint
CREATE INDEX `providers_org_name` ON `providers` (`organization_id`,`name`);--> statement-breakpoint
CREATE INDEX `memberships_org_created` ON `memberships` (`organization_id`,`created_at`,`id`);