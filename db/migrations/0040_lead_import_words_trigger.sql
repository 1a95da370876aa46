-- The lead search words' insert trigger (migration lead_search_tokens) stands aside
-- while a lead import's batch writes its leads: that batch marks its lead_imports row
-- (writing_words = 1), writes the words of all its leads in bulk, sorted, and clears
-- the mark in its last statement (worker/services/leads/lead-search-words.ts holds
-- the same words as SQL). Every other insert still gets its words here.
DROP TRIGGER `leads_search_tokens_insert`;
--> statement-breakpoint
CREATE TRIGGER `leads_search_tokens_insert` AFTER INSERT ON `leads`
WHEN NOT EXISTS (SELECT 1 FROM lead_imports WHERE lead_imports.organization_id = NEW.organization_id AND lead_imports.writing_words = 1)
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
