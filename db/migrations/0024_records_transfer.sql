CREATE TABLE `records_disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`request_id` text NOT NULL,
	`released_at` text NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_organization` text,
	`recipient_address` text,
	`description` text NOT NULL,
	`purpose` text NOT NULL,
	`method` text NOT NULL,
	`to_patient` integer NOT NULL,
	`released_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `records_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_disclosures_patient` ON `records_disclosures` (`organization_id`,`patient_id`,`released_at`,`id`);--> statement-breakpoint
CREATE TABLE `records_fees` (
	`request_id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`input` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`lines` text NOT NULL,
	`citation` text NOT NULL,
	`waived_at` text,
	`waiver_reason` text,
	`paid_at` text,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `records_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `records_files` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`request_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text,
	`upload_link_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `records_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_files_request` ON `records_files` (`organization_id`,`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `records_link_events` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`link_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_id` text,
	`ip` text,
	`user_agent` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`link_id`) REFERENCES `records_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_link_events_link` ON `records_link_events` (`organization_id`,`link_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `records_links` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`request_id` text NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`recipient_email` text NOT NULL,
	`file_ids` text NOT NULL,
	`expires_at` text NOT NULL,
	`max_downloads` integer NOT NULL,
	`downloads` integer DEFAULT 0 NOT NULL,
	`code_hash` text,
	`code_expires_at` text,
	`code_failures` integer DEFAULT 0 NOT NULL,
	`grant_hash` text,
	`grant_expires_at` text,
	`used_at` text,
	`revoked_at` text,
	`revoked_by` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `records_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `records_links_token` ON `records_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `records_links_request` ON `records_links` (`organization_id`,`request_id`,`created_at`);