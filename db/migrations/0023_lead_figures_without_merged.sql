-- A lead merged into another leaves the per-day counts (db/schema/rollups.ts):
-- the analytics count the surviving lead once, under its own stage, source and
-- coordinator. The triggers of `scale_triggers` again, with merged_into watched.
DROP TRIGGER IF EXISTS `leads_day_counts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `leads_day_counts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `leads_day_counts_delete`;
--> statement-breakpoint
CREATE TRIGGER `leads_day_counts_insert` AFTER INSERT ON `leads` WHEN NEW.merged_into IS NULL
BEGIN
  INSERT INTO lead_day_counts (organization_id, day, stage_id, source_id, coordinator_id, converted, leads) VALUES (NEW.organization_id, substr(NEW.created_at, 1, 10), NEW.stage_id, coalesce(NEW.source_id, ''), coalesce(NEW.coordinator_id, ''), NEW.patient_id IS NOT NULL, 1)
    ON CONFLICT (organization_id, day, stage_id, source_id, coordinator_id, converted) DO UPDATE SET leads = leads + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_day_counts_update` AFTER UPDATE OF `organization_id`, `created_at`, `stage_id`, `source_id`, `coordinator_id`, `patient_id`, `merged_into` ON `leads`
BEGIN
  UPDATE lead_day_counts SET leads = leads - 1
    WHERE OLD.merged_into IS NULL AND (organization_id, day, stage_id, source_id, coordinator_id, converted) = (OLD.organization_id, substr(OLD.created_at, 1, 10), OLD.stage_id, coalesce(OLD.source_id, ''), coalesce(OLD.coordinator_id, ''), OLD.patient_id IS NOT NULL);
  INSERT INTO lead_day_counts (organization_id, day, stage_id, source_id, coordinator_id, converted, leads)
    SELECT NEW.organization_id, substr(NEW.created_at, 1, 10), NEW.stage_id, coalesce(NEW.source_id, ''), coalesce(NEW.coordinator_id, ''), NEW.patient_id IS NOT NULL, 1 WHERE NEW.merged_into IS NULL
    ON CONFLICT (organization_id, day, stage_id, source_id, coordinator_id, converted) DO UPDATE SET leads = leads + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_day_counts_delete` AFTER DELETE ON `leads` WHEN OLD.merged_into IS NULL
BEGIN
  UPDATE lead_day_counts SET leads = leads - 1
    WHERE (organization_id, day, stage_id, source_id, coordinator_id, converted) = (OLD.organization_id, substr(OLD.created_at, 1, 10), OLD.stage_id, coalesce(OLD.source_id, ''), coalesce(OLD.coordinator_id, ''), OLD.patient_id IS NOT NULL);
END;
--> statement-breakpoint
DELETE FROM lead_day_counts;
--> statement-breakpoint
INSERT INTO lead_day_counts (organization_id, day, stage_id, source_id, coordinator_id, converted, leads)
  SELECT organization_id, substr(created_at, 1, 10), stage_id, coalesce(source_id, ''), coalesce(coordinator_id, ''), patient_id IS NOT NULL, count(*) FROM leads WHERE merged_into IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
