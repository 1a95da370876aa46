CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`assigned_by` text NOT NULL,
	`ended_at` text,
	`ended_by` text,
	`end_reason` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_patient` ON `assignments` (`patient_id`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `assignments_provider_open` ON `assignments` (`provider_id`,`ended_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_one_open` ON `assignments` (`patient_id`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE TABLE `providers` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`membership_id` text,
	`name` text NOT NULL,
	`credentials` text,
	`npi` text,
	`specialty` text,
	`email` text,
	`phone` text,
	`capacity` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_org_npi` ON `providers` (`organization_id`,`npi`);--> statement-breakpoint
ALTER TABLE `patients` ADD `visit_preference` text DEFAULT 'no_preference' NOT NULL;--> statement-breakpoint
ALTER TABLE `patients` ADD `meeting_status` text DEFAULT 'not_scheduled' NOT NULL;