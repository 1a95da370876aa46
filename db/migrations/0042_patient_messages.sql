CREATE TABLE `patient_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`text` text NOT NULL,
	`provider_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_messages_patient` ON `patient_messages` (`organization_id`,`patient_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `patient_messages_provider` ON `patient_messages` (`organization_id`,`patient_id`,`provider_id`);--> statement-breakpoint
ALTER TABLE `patients` ADD `phone_key` text;--> statement-breakpoint
CREATE INDEX `patients_org_phone` ON `patients` (`organization_id`,`phone_key`);--> statement-breakpoint
-- Patients saved before this migration: their phone's digits (the usual separators removed; a
-- leading US country code dropped), as phoneKey() keeps them. New writes compute it in code.
UPDATE `patients` SET `phone_key` = replace(replace(replace(replace(replace(replace(`phone`, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '') WHERE `phone` IS NOT NULL;--> statement-breakpoint
UPDATE `patients` SET `phone_key` = substr(`phone_key`, 2) WHERE length(`phone_key`) = 11 AND substr(`phone_key`, 1, 1) = '1';
