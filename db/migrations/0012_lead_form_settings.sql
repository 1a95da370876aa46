CREATE TABLE `lead_form_settings` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`form_key` text NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`allowed_origins` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_form_settings_formKey_unique` ON `lead_form_settings` (`form_key`);