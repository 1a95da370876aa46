CREATE TABLE `facilities` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`phone` text,
	`email` text,
	`website` text,
	`administrator_name` text,
	`administrator_email` text,
	`administrator_phone` text,
	`administrator_invitation_id` text,
	`administrator_membership_id` text,
	`feature_ordering` integer DEFAULT false NOT NULL,
	`feature_emar` integer DEFAULT false NOT NULL,
	`feature_bubble_pack` integer DEFAULT false NOT NULL,
	`feature_notes` integer DEFAULT false NOT NULL,
	`feature_tasks` integer DEFAULT false NOT NULL,
	`cycle_start_day` integer,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`postal_code` text NOT NULL,
	`address_verification` text NOT NULL,
	`contract_status` text DEFAULT 'not_contracted' NOT NULL,
	`service_categories` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `facilities_org_name` ON `facilities` (`organization_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `facilities_org_created` ON `facilities` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `facility_contract_events` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`facility_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`changed_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `facility_contract_events_facility` ON `facility_contract_events` (`facility_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `facility_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`facility_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `facility_documents_facility` ON `facility_documents` (`facility_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `membership_facilities` (
	`organization_id` text NOT NULL,
	`membership_id` text NOT NULL,
	`facility_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`membership_id`, `facility_id`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `invitations` ADD `facility_id` text;