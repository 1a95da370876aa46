ALTER TABLE `patients` ADD `payer` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `attending_physician` text;