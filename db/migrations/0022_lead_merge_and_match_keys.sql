ALTER TABLE `lead_activities` ADD `merged_from` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `responsible_party_email` text GENERATED ALWAYS AS (json_extract(responsible_party, '$.email')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `leads_org_responsible_party_email` ON `leads` (`organization_id`,`responsible_party_email`);