CREATE TABLE `notice_digest_items` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`recipient` text NOT NULL,
	`kind` text NOT NULL,
	`line` text NOT NULL,
	`created_at` text NOT NULL,
	`digest_message_id` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_digest_items_waiting` ON `notice_digest_items` (`digest_message_id`,`organization_id`,`recipient`,`created_at`);