ALTER TABLE `records_requests` ADD `authorization_file_id` text;--> statement-breakpoint
ALTER TABLE `records_requests` ADD `protected_authorization_file_id` text;--> statement-breakpoint
ALTER TABLE `records_requests` ADD `authorization_form_id` text;--> statement-breakpoint
CREATE INDEX `records_requests_org_authorization_form` ON `records_requests` (`organization_id`,`authorization_form_id`);