CREATE TABLE `lead_search_tokens` (
	`organization_id` text NOT NULL,
	`token` text NOT NULL,
	`lead_id` text NOT NULL,
	PRIMARY KEY(`organization_id`, `token`, `lead_id`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_search_tokens_lead` ON `lead_search_tokens` (`lead_id`);
--> statement-breakpoint
-- The lead's search words (db/schema/search.ts), written on every insert,
-- update and delete of a lead, whichever path makes it, and filled for the
-- leads already there. One json_each over the words, not a UNION of selects:
-- D1 refuses a compound SELECT of this many terms. A name's second word has
-- the six accents of Spanish names folded (á é í ó ú ñ; SQL has no Unicode
-- normalisation, and libSQL's parser refuses deeper nesting); the name key's
-- words are folded in TypeScript.
CREATE TRIGGER `leads_search_tokens_insert` AFTER INSERT ON `leads`
BEGIN
  INSERT OR IGNORE INTO lead_search_tokens (organization_id, token, lead_id)
    SELECT NEW.organization_id, words.value, NEW.id FROM json_each(json_array(
      substr(NEW.name_key, 1, instr(NEW.name_key, '|') - 1),
      substr(NEW.name_key, instr(NEW.name_key, '|') + 1),
      CASE WHEN instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') > 0 THEN substr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', 1, instr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', ' ') - 1) END,
      CASE WHEN instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') > 0 THEN substr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', 1, instr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', ' ') - 1) END,
      lower(NEW.email),
      CASE WHEN instr(NEW.email, '@') > 0 THEN substr(lower(NEW.email), instr(NEW.email, '@') + 1) END,
      'tel:' || substr(NEW.phone_key, 1),
      'tel:' || substr(NEW.phone_key, 2),
      'tel:' || substr(NEW.phone_key, 3),
      'tel:' || substr(NEW.phone_key, 4),
      'tel:' || substr(NEW.phone_key, 5),
      'tel:' || substr(NEW.phone_key, 6),
      'tel:' || substr(NEW.phone_key, 7),
      'tel:' || substr(NEW.phone_key, 8),
      'tel:' || substr(NEW.phone_key, 9),
      'tel:' || substr(NEW.phone_key, 10),
      'tel:' || substr(NEW.phone_key, 11),
      'tel:' || substr(NEW.phone_key, 12),
      'tel:' || substr(NEW.phone_key, 13)
    )) AS words
    WHERE coalesce(words.value, '') <> '' AND (substr(words.value, 1, 4) <> 'tel:' OR length(words.value) >= 7);
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_tokens_update` AFTER UPDATE OF `first_name`, `last_name`, `name_key`, `email`, `phone_key` ON `leads`
BEGIN
  DELETE FROM lead_search_tokens WHERE lead_id = OLD.id;
  INSERT OR IGNORE INTO lead_search_tokens (organization_id, token, lead_id)
    SELECT NEW.organization_id, words.value, NEW.id FROM json_each(json_array(
      substr(NEW.name_key, 1, instr(NEW.name_key, '|') - 1),
      substr(NEW.name_key, instr(NEW.name_key, '|') + 1),
      CASE WHEN instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') > 0 THEN substr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', 1, instr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', ' ') - 1) END,
      CASE WHEN instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') > 0 THEN substr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', 1, instr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', ' ') - 1) END,
      lower(NEW.email),
      CASE WHEN instr(NEW.email, '@') > 0 THEN substr(lower(NEW.email), instr(NEW.email, '@') + 1) END,
      'tel:' || substr(NEW.phone_key, 1),
      'tel:' || substr(NEW.phone_key, 2),
      'tel:' || substr(NEW.phone_key, 3),
      'tel:' || substr(NEW.phone_key, 4),
      'tel:' || substr(NEW.phone_key, 5),
      'tel:' || substr(NEW.phone_key, 6),
      'tel:' || substr(NEW.phone_key, 7),
      'tel:' || substr(NEW.phone_key, 8),
      'tel:' || substr(NEW.phone_key, 9),
      'tel:' || substr(NEW.phone_key, 10),
      'tel:' || substr(NEW.phone_key, 11),
      'tel:' || substr(NEW.phone_key, 12),
      'tel:' || substr(NEW.phone_key, 13)
    )) AS words
    WHERE coalesce(words.value, '') <> '' AND (substr(words.value, 1, 4) <> 'tel:' OR length(words.value) >= 7);
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_tokens_delete` AFTER DELETE ON `leads`
BEGIN
  DELETE FROM lead_search_tokens WHERE lead_id = OLD.id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO lead_search_tokens (organization_id, token, lead_id)
    SELECT leads.organization_id, words.value, leads.id FROM leads, json_each(json_array(
      substr(leads.name_key, 1, instr(leads.name_key, '|') - 1),
      substr(leads.name_key, instr(leads.name_key, '|') + 1),
      CASE WHEN instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') > 0 THEN substr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', 1, instr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', ' ') - 1) END,
      CASE WHEN instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') > 0 THEN substr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', 1, instr(ltrim(substr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), instr(replace(replace(replace(replace(replace(replace(lower(trim(replace(replace(replace(replace(replace(leads.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), ' ') + 1)) || ' ', ' ') - 1) END,
      lower(leads.email),
      CASE WHEN instr(leads.email, '@') > 0 THEN substr(lower(leads.email), instr(leads.email, '@') + 1) END,
      'tel:' || substr(leads.phone_key, 1),
      'tel:' || substr(leads.phone_key, 2),
      'tel:' || substr(leads.phone_key, 3),
      'tel:' || substr(leads.phone_key, 4),
      'tel:' || substr(leads.phone_key, 5),
      'tel:' || substr(leads.phone_key, 6),
      'tel:' || substr(leads.phone_key, 7),
      'tel:' || substr(leads.phone_key, 8),
      'tel:' || substr(leads.phone_key, 9),
      'tel:' || substr(leads.phone_key, 10),
      'tel:' || substr(leads.phone_key, 11),
      'tel:' || substr(leads.phone_key, 12),
      'tel:' || substr(leads.phone_key, 13)
    )) AS words
    WHERE coalesce(words.value, '') <> '' AND (substr(words.value, 1, 4) <> 'tel:' OR length(words.value) >= 7);
