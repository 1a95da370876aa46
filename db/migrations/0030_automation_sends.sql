CREATE TABLE `automation_settings` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`quiet_start_minute` integer NOT NULL,
	`quiet_end_minute` integer NOT NULL,
	`daily_cap` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unsubscribe_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`category` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unsubscribes` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`category` text NOT NULL,
	`via` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unsubscribes_org_address` ON `unsubscribes` (`organization_id`,`channel`,`address`,`category`);--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `not_before` text;--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `category` text;--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `headers` text;--> statement-breakpoint
CREATE INDEX `outbox_org_recipient_claimed` ON `outbox_messages` (`organization_id`,`recipient`,`claimed_at`);