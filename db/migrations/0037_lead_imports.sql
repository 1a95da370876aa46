CREATE TABLE `lead_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`file_name` text,
	`source` text NOT NULL,
	`row_count` integer NOT NULL,
	`skipped_errors` integer NOT NULL,
	`skipped_duplicates` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
