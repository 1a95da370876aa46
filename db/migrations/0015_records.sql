CREATE TABLE `records_request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`text` text,
	`detail` text,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `records_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_request_events_request` ON `records_request_events` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `records_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`direction` text NOT NULL,
	`patient_id` text,
	`lead_id` text,
	`requester_kind` text NOT NULL,
	`party_name` text NOT NULL,
	`party_organization` text,
	`party_email` text,
	`party_phone` text,
	`party_fax` text,
	`party_address` text,
	`referring_provider_id` text,
	`record_types` text NOT NULL,
	`date_from` text,
	`date_to` text,
	`access_kind` text NOT NULL,
	`purpose` text NOT NULL,
	`received_via` text NOT NULL,
	`delivery_method` text NOT NULL,
	`tracking_number` text,
	`fax_number` text,
	`received_on` text NOT NULL,
	`due_on` text NOT NULL,
	`due_rule` text NOT NULL,
	`extended_at` text,
	`extension_reason` text,
	`status` text NOT NULL,
	`open` integer NOT NULL,
	`status_reason` text,
	`authorization` text,
	`protected_records` integer DEFAULT false NOT NULL,
	`assignee_id` text,
	`notes` text,
	`halfway_notified_at` text,
	`eighty_notified_at` text,
	`overdue_notified_at` text,
	`closed_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_requests_org_open_due` ON `records_requests` (`organization_id`,`open`,`due_on`,`id`);--> statement-breakpoint
CREATE INDEX `records_requests_org_status_due` ON `records_requests` (`organization_id`,`status`,`due_on`,`id`);--> statement-breakpoint
CREATE INDEX `records_requests_org_patient_due` ON `records_requests` (`organization_id`,`patient_id`,`due_on`,`id`);--> statement-breakpoint
CREATE INDEX `records_requests_org_received` ON `records_requests` (`organization_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `records_requests_open_due` ON `records_requests` (`open`,`due_on`);--> statement-breakpoint
CREATE TABLE `records_settings` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`states` text NOT NULL,
	`custom_rules` text NOT NULL,
	`third_party_days` integer NOT NULL,
	`follow_up_days` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
