CREATE TABLE `automation_acts` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`run_id` text NOT NULL,
	`action_index` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`recipient_kind` text,
	`reason` text,
	`outbox_message_id` text,
	`task_id` text,
	`webhook_delivery_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `automation_acts_run` ON `automation_acts` (`organization_id`,`run_id`,`action_index`);--> statement-breakpoint
CREATE TABLE `staff_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`assignee_id` text NOT NULL,
	`title` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`patient_id` text,
	`lead_id` text,
	`due_date` text NOT NULL,
	`done_at` text,
	`done_by` text,
	`rule_id` text,
	`rule_version` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_tasks_org_assignee` ON `staff_tasks` (`organization_id`,`assignee_id`,`done_at`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `staff_tasks_org_patient` ON `staff_tasks` (`organization_id`,`patient_id`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `staff_tasks_org_lead` ON `staff_tasks` (`organization_id`,`lead_id`,`due_date`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`at` text NOT NULL,
	`response_status` integer,
	`response_excerpt` text,
	`error` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `webhook_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery` ON `webhook_attempts` (`organization_id`,`delivery_id`,`attempt`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`rule_id` text,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`first_attempt_at` text,
	`claimed_at` text,
	`next_attempt_at` text,
	`delivered_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_org_endpoint` ON `webhook_deliveries` (`organization_id`,`endpoint_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_org_created` ON `webhook_deliveries` (`organization_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_status` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`url` text NOT NULL,
	`description` text,
	`secret` text NOT NULL,
	`disabled_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_org` ON `webhook_endpoints` (`organization_id`,`created_at`);