-- The name search's word table (db/schema/search.ts) kept in step with patients by
-- triggers, so every path that writes a patient (the form, the roster import,
-- a converted lead, an edit) updates it in the same statement. Words: both parts
-- of the name key (accents and punctuation already gone), the second word of a
-- first or last name written with a space, hyphen or apostrophe ("Quinn-Harper"
-- is found by "harper"), and the MRN as `#<mrn>`.
CREATE TRIGGER `patients_name_tokens_insert` AFTER INSERT ON `patients`
BEGIN
  INSERT OR IGNORE INTO patient_name_tokens (organization_id, token, patient_id)
    SELECT * FROM (
      SELECT NEW.organization_id AS organization_id, substr(NEW.name_key, 1, instr(NEW.name_key, '|') - 1) AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, substr(NEW.name_key, instr(NEW.name_key, '|') + 1) AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, CASE WHEN instr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') > 0 THEN substr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', 1, instr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', ' ') - 1) END AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, CASE WHEN instr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') > 0 THEN substr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', 1, instr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', ' ') - 1) END AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, '#' || lower(NEW.mrn) AS token, NEW.id AS patient_id
    ) WHERE coalesce(token, '') <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `patients_name_tokens_update` AFTER UPDATE OF `first_name`, `last_name`, `name_key`, `mrn` ON `patients`
BEGIN
  DELETE FROM patient_name_tokens WHERE patient_id = OLD.id;
  INSERT OR IGNORE INTO patient_name_tokens (organization_id, token, patient_id)
    SELECT * FROM (
      SELECT NEW.organization_id AS organization_id, substr(NEW.name_key, 1, instr(NEW.name_key, '|') - 1) AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, substr(NEW.name_key, instr(NEW.name_key, '|') + 1) AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, CASE WHEN instr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') > 0 THEN substr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', 1, instr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', ' ') - 1) END AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, CASE WHEN instr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') > 0 THEN substr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', 1, instr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(NEW.first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', ' ') - 1) END AS token, NEW.id AS patient_id
      UNION ALL SELECT NEW.organization_id AS organization_id, '#' || lower(NEW.mrn) AS token, NEW.id AS patient_id
    ) WHERE coalesce(token, '') <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `patients_name_tokens_delete` AFTER DELETE ON `patients`
BEGIN
  DELETE FROM patient_name_tokens WHERE patient_id = OLD.id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO patient_name_tokens (organization_id, token, patient_id)
  SELECT * FROM (
    SELECT organization_id AS organization_id, substr(name_key, 1, instr(name_key, '|') - 1) AS token, id AS patient_id FROM patients
    UNION ALL SELECT organization_id AS organization_id, substr(name_key, instr(name_key, '|') + 1) AS token, id AS patient_id FROM patients
    UNION ALL SELECT organization_id AS organization_id, CASE WHEN instr(lower(trim(replace(replace(replace(replace(replace(last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') > 0 THEN substr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', 1, instr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(last_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', ' ') - 1) END AS token, id AS patient_id FROM patients
    UNION ALL SELECT organization_id AS organization_id, CASE WHEN instr(lower(trim(replace(replace(replace(replace(replace(first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') > 0 THEN substr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', 1, instr(ltrim(substr(lower(trim(replace(replace(replace(replace(replace(first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), instr(lower(trim(replace(replace(replace(replace(replace(first_name, '-', ' '), '''', ' '), '.', ' '), ',', ' '), '’', ' '))), ' ') + 1)) || ' ', ' ') - 1) END AS token, id AS patient_id FROM patients
    UNION ALL SELECT organization_id AS organization_id, '#' || lower(mrn) AS token, id AS patient_id FROM patients
  ) WHERE coalesce(token, '') <> '';

--> statement-breakpoint
-- New leads per day and per stage, source, coordinator and conversion (db/schema/rollups.ts),
-- counted by triggers on every write of a lead, so the analytics read a few
-- hundred counts instead of every lead of the period.
CREATE TRIGGER `leads_day_counts_insert` AFTER INSERT ON `leads`
BEGIN
  INSERT INTO lead_day_counts (organization_id, day, stage_id, source_id, coordinator_id, converted, leads) VALUES (NEW.organization_id, substr(NEW.created_at, 1, 10), NEW.stage_id, coalesce(NEW.source_id, ''), coalesce(NEW.coordinator_id, ''), NEW.patient_id IS NOT NULL, 1)
    ON CONFLICT (organization_id, day, stage_id, source_id, coordinator_id, converted) DO UPDATE SET leads = leads + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_day_counts_update` AFTER UPDATE OF `organization_id`, `created_at`, `stage_id`, `source_id`, `coordinator_id`, `patient_id` ON `leads`
BEGIN
  UPDATE lead_day_counts SET leads = leads - 1
    WHERE (organization_id, day, stage_id, source_id, coordinator_id, converted) = (OLD.organization_id, substr(OLD.created_at, 1, 10), OLD.stage_id, coalesce(OLD.source_id, ''), coalesce(OLD.coordinator_id, ''), OLD.patient_id IS NOT NULL);
  INSERT INTO lead_day_counts (organization_id, day, stage_id, source_id, coordinator_id, converted, leads) VALUES (NEW.organization_id, substr(NEW.created_at, 1, 10), NEW.stage_id, coalesce(NEW.source_id, ''), coalesce(NEW.coordinator_id, ''), NEW.patient_id IS NOT NULL, 1)
    ON CONFLICT (organization_id, day, stage_id, source_id, coordinator_id, converted) DO UPDATE SET leads = leads + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_day_counts_delete` AFTER DELETE ON `leads`
BEGIN
  UPDATE lead_day_counts SET leads = leads - 1
    WHERE (organization_id, day, stage_id, source_id, coordinator_id, converted) = (OLD.organization_id, substr(OLD.created_at, 1, 10), OLD.stage_id, coalesce(OLD.source_id, ''), coalesce(OLD.coordinator_id, ''), OLD.patient_id IS NOT NULL);
END;
--> statement-breakpoint
INSERT INTO lead_day_counts (organization_id, day, stage_id, source_id, coordinator_id, converted, leads)
  SELECT organization_id, substr(created_at, 1, 10), stage_id, coalesce(source_id, ''), coalesce(coordinator_id, ''), patient_id IS NOT NULL, count(*) FROM leads GROUP BY 1, 2, 3, 4, 5, 6;
