ALTER TABLE `staff_tasks` ADD `reminded_for` text;--> statement-breakpoint
ALTER TABLE `staff_tasks` ADD `reminder_message_id` text;--> statement-breakpoint
CREATE INDEX `staff_tasks_due_reminders` ON `staff_tasks` (`done_at`,`due_date`,`reminded_for`);--> statement-breakpoint
CREATE INDEX `staff_tasks_reminder_message` ON `staff_tasks` (`organization_id`,`reminder_message_id`);--> statement-breakpoint
ALTER TABLE `webhook_endpoints` ADD `previous_secret` text;--> statement-breakpoint
ALTER TABLE `webhook_endpoints` ADD `previous_secret_until` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `email` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `phone` text;--> statement-breakpoint
CREATE INDEX `patients_org_enrollment` ON `patients` (`organization_id`,`enrollment_status`,`id`);--> statement-breakpoint
CREATE INDEX `facilities_org_contract` ON `facilities` (`organization_id`,`contract_status`,`id`);--> statement-breakpoint
CREATE INDEX `leads_org_source` ON `leads` (`organization_id`,`source_id`,`merged_into`,`id`);