CREATE TABLE `checklist_template_items` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`template_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`kind` text NOT NULL,
	`required` integer NOT NULL,
	`sort_order` integer NOT NULL,
	`removed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `checklist_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checklist_template_items_template` ON `checklist_template_items` (`template_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `checklist_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`facility_id` text,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_templates_org_facility` ON `checklist_templates` (`organization_id`,`facility_id`);--> statement-breakpoint
CREATE TABLE `patient_checklist_items` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`template_item_id` text,
	`title` text NOT NULL,
	`description` text,
	`kind` text NOT NULL,
	`required` integer NOT NULL,
	`sort_order` integer NOT NULL,
	`done_at` text,
	`done_by` text,
	`note` text,
	`document_key` text,
	`document_name` text,
	`evidence` text,
	`removed_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_checklist_items_patient` ON `patient_checklist_items` (`patient_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `patient_status_events` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`reason` text NOT NULL,
	`override` integer DEFAULT false NOT NULL,
	`changed_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_status_events_patient` ON `patient_status_events` (`patient_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `patients` ADD `status_override` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `status_override_reason` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `completed_at` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `checklist_template_id` text;