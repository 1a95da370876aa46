-- Referral analytics from counts kept on write (db/schema/referral-rollups.ts).
-- Two levels: each incoming referral's outcome row follows whatever decides its
-- consultation and treatment start (the referral, its milestones, its lead's
-- appointments and conversion); the day counts follow the outcome rows, adding
-- a row's share on insert, taking it back on delete, both on update.
CREATE TRIGGER `referral_outcomes_day_counts_insert` AFTER INSERT ON `referral_outcomes`
BEGIN
  INSERT INTO referral_day_counts (organization_id, day, provider_id, referrals, consultations, days_to_consultation, conversions, starts, days_to_start, consulted_starts, days_consultation_to_start, revenues, revenue_cents)
    VALUES (NEW.organization_id, NEW.referral_date, NEW.provider_id, (1), (NEW.consulted_on IS NOT NULL), (coalesce(CAST(julianday(NEW.consulted_on) - julianday(NEW.referral_date) AS INTEGER), 0)), (NEW.started_on IS NOT NULL OR NEW.linked), (NEW.started_on IS NOT NULL), (coalesce(CAST(julianday(NEW.started_on) - julianday(NEW.referral_date) AS INTEGER), 0)), (NEW.consulted_on IS NOT NULL AND NEW.started_on IS NOT NULL), (coalesce(CAST(julianday(NEW.started_on) - julianday(NEW.consulted_on) AS INTEGER), 0)), (NEW.revenue_cents IS NOT NULL), (coalesce(NEW.revenue_cents, 0)))
    ON CONFLICT (organization_id, day, provider_id) DO UPDATE SET referrals = referrals + excluded.referrals, consultations = consultations + excluded.consultations, days_to_consultation = days_to_consultation + excluded.days_to_consultation, conversions = conversions + excluded.conversions, starts = starts + excluded.starts, days_to_start = days_to_start + excluded.days_to_start, consulted_starts = consulted_starts + excluded.consulted_starts, days_consultation_to_start = days_consultation_to_start + excluded.days_consultation_to_start, revenues = revenues + excluded.revenues, revenue_cents = revenue_cents + excluded.revenue_cents;
END;
--> statement-breakpoint
CREATE TRIGGER `referral_outcomes_day_counts_update` AFTER UPDATE ON `referral_outcomes`
BEGIN
  UPDATE referral_day_counts SET referrals = referrals - (1), consultations = consultations - (OLD.consulted_on IS NOT NULL), days_to_consultation = days_to_consultation - (coalesce(CAST(julianday(OLD.consulted_on) - julianday(OLD.referral_date) AS INTEGER), 0)), conversions = conversions - (OLD.started_on IS NOT NULL OR OLD.linked), starts = starts - (OLD.started_on IS NOT NULL), days_to_start = days_to_start - (coalesce(CAST(julianday(OLD.started_on) - julianday(OLD.referral_date) AS INTEGER), 0)), consulted_starts = consulted_starts - (OLD.consulted_on IS NOT NULL AND OLD.started_on IS NOT NULL), days_consultation_to_start = days_consultation_to_start - (coalesce(CAST(julianday(OLD.started_on) - julianday(OLD.consulted_on) AS INTEGER), 0)), revenues = revenues - (OLD.revenue_cents IS NOT NULL), revenue_cents = revenue_cents - (coalesce(OLD.revenue_cents, 0))
    WHERE organization_id = OLD.organization_id AND day = OLD.referral_date AND provider_id = OLD.provider_id;
  INSERT INTO referral_day_counts (organization_id, day, provider_id, referrals, consultations, days_to_consultation, conversions, starts, days_to_start, consulted_starts, days_consultation_to_start, revenues, revenue_cents)
    VALUES (NEW.organization_id, NEW.referral_date, NEW.provider_id, (1), (NEW.consulted_on IS NOT NULL), (coalesce(CAST(julianday(NEW.consulted_on) - julianday(NEW.referral_date) AS INTEGER), 0)), (NEW.started_on IS NOT NULL OR NEW.linked), (NEW.started_on IS NOT NULL), (coalesce(CAST(julianday(NEW.started_on) - julianday(NEW.referral_date) AS INTEGER), 0)), (NEW.consulted_on IS NOT NULL AND NEW.started_on IS NOT NULL), (coalesce(CAST(julianday(NEW.started_on) - julianday(NEW.consulted_on) AS INTEGER), 0)), (NEW.revenue_cents IS NOT NULL), (coalesce(NEW.revenue_cents, 0)))
    ON CONFLICT (organization_id, day, provider_id) DO UPDATE SET referrals = referrals + excluded.referrals, consultations = consultations + excluded.consultations, days_to_consultation = days_to_consultation + excluded.days_to_consultation, conversions = conversions + excluded.conversions, starts = starts + excluded.starts, days_to_start = days_to_start + excluded.days_to_start, consulted_starts = consulted_starts + excluded.consulted_starts, days_consultation_to_start = days_consultation_to_start + excluded.days_consultation_to_start, revenues = revenues + excluded.revenues, revenue_cents = revenue_cents + excluded.revenue_cents;
END;
--> statement-breakpoint
CREATE TRIGGER `referral_outcomes_day_counts_delete` AFTER DELETE ON `referral_outcomes`
BEGIN
  UPDATE referral_day_counts SET referrals = referrals - (1), consultations = consultations - (OLD.consulted_on IS NOT NULL), days_to_consultation = days_to_consultation - (coalesce(CAST(julianday(OLD.consulted_on) - julianday(OLD.referral_date) AS INTEGER), 0)), conversions = conversions - (OLD.started_on IS NOT NULL OR OLD.linked), starts = starts - (OLD.started_on IS NOT NULL), days_to_start = days_to_start - (coalesce(CAST(julianday(OLD.started_on) - julianday(OLD.referral_date) AS INTEGER), 0)), consulted_starts = consulted_starts - (OLD.consulted_on IS NOT NULL AND OLD.started_on IS NOT NULL), days_consultation_to_start = days_consultation_to_start - (coalesce(CAST(julianday(OLD.started_on) - julianday(OLD.consulted_on) AS INTEGER), 0)), revenues = revenues - (OLD.revenue_cents IS NOT NULL), revenue_cents = revenue_cents - (coalesce(OLD.revenue_cents, 0))
    WHERE organization_id = OLD.organization_id AND day = OLD.referral_date AND provider_id = OLD.provider_id;
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_outcomes_insert` AFTER INSERT ON `referrals`
BEGIN
  INSERT INTO referral_outcomes (referral_id, organization_id, provider_id, lead_id, referral_date, linked, revenue_cents, consulted_on, started_on)
    SELECT r.referral_id, r.organization_id, r.provider_id, r.lead_id, r.referral_date, r.linked, r.revenue_cents, coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = r.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = r.organization_id AND a.lead_id = r.lead_id AND a.status = 'attended')), coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = r.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = r.lead_id AND +c.organization_id = r.organization_id AND c.kind = 'conversion'))
    FROM (SELECT NEW.id AS referral_id, NEW.organization_id AS organization_id, NEW.provider_id AS provider_id, NEW.lead_id AS lead_id, NEW.referral_date AS referral_date, NEW.patient_id IS NOT NULL AS linked, NEW.revenue_cents AS revenue_cents) r
    WHERE NEW.direction = 'incoming';
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_outcomes_update` AFTER UPDATE OF `organization_id`, `direction`, `provider_id`, `lead_id`, `patient_id`, `referral_date`, `revenue_cents` ON `referrals`
BEGIN
  DELETE FROM referral_outcomes WHERE referral_id = OLD.id;
  INSERT INTO referral_outcomes (referral_id, organization_id, provider_id, lead_id, referral_date, linked, revenue_cents, consulted_on, started_on)
    SELECT r.referral_id, r.organization_id, r.provider_id, r.lead_id, r.referral_date, r.linked, r.revenue_cents, coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = r.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = r.organization_id AND a.lead_id = r.lead_id AND a.status = 'attended')), coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = r.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = r.lead_id AND +c.organization_id = r.organization_id AND c.kind = 'conversion'))
    FROM (SELECT NEW.id AS referral_id, NEW.organization_id AS organization_id, NEW.provider_id AS provider_id, NEW.lead_id AS lead_id, NEW.referral_date AS referral_date, NEW.patient_id IS NOT NULL AS linked, NEW.revenue_cents AS revenue_cents) r
    WHERE NEW.direction = 'incoming';
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_outcomes_delete` AFTER DELETE ON `referrals`
BEGIN
  DELETE FROM referral_outcomes WHERE referral_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `referral_milestones_outcomes_insert` AFTER INSERT ON `referral_milestones`
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE referral_id = NEW.referral_id;
END;
--> statement-breakpoint
CREATE TRIGGER `referral_milestones_outcomes_update` AFTER UPDATE OF `referral_id`, `consultation_date`, `treatment_start_date` ON `referral_milestones`
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE referral_id IN (OLD.referral_id, NEW.referral_id);
END;
--> statement-breakpoint
CREATE TRIGGER `referral_milestones_outcomes_delete` AFTER DELETE ON `referral_milestones`
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE referral_id = OLD.referral_id;
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_referral_outcomes_insert` AFTER INSERT ON `appointments` WHEN NEW.lead_id IS NOT NULL
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE organization_id = NEW.organization_id AND lead_id = NEW.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_referral_outcomes_update` AFTER UPDATE OF `organization_id`, `lead_id`, `status`, `starts_at` ON `appointments` WHEN OLD.lead_id IS NOT NULL OR NEW.lead_id IS NOT NULL
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE (organization_id = OLD.organization_id AND lead_id = OLD.lead_id) OR (organization_id = NEW.organization_id AND lead_id = NEW.lead_id);
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_referral_outcomes_delete` AFTER DELETE ON `appointments` WHEN OLD.lead_id IS NOT NULL
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE organization_id = OLD.organization_id AND lead_id = OLD.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_activities_referral_outcomes_insert` AFTER INSERT ON `lead_activities` WHEN NEW.kind = 'conversion'
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE organization_id = NEW.organization_id AND lead_id = NEW.lead_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_activities_referral_outcomes_update` AFTER UPDATE OF `organization_id`, `lead_id`, `kind`, `created_at` ON `lead_activities` WHEN OLD.kind = 'conversion' OR NEW.kind = 'conversion'
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE (organization_id = OLD.organization_id AND lead_id = OLD.lead_id) OR (organization_id = NEW.organization_id AND lead_id = NEW.lead_id);
END;
--> statement-breakpoint
CREATE TRIGGER `lead_activities_referral_outcomes_delete` AFTER DELETE ON `lead_activities` WHEN OLD.kind = 'conversion'
BEGIN
  UPDATE referral_outcomes SET consulted_on = coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = referral_outcomes.organization_id AND a.lead_id = referral_outcomes.lead_id AND a.status = 'attended')), started_on = coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = referral_outcomes.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = referral_outcomes.lead_id AND +c.organization_id = referral_outcomes.organization_id AND c.kind = 'conversion'))
    WHERE organization_id = OLD.organization_id AND lead_id = OLD.lead_id;
END;
--> statement-breakpoint
-- The referrals already there, through the same triggers.
INSERT INTO referral_outcomes (referral_id, organization_id, provider_id, lead_id, referral_date, linked, revenue_cents, consulted_on, started_on)
  SELECT r.referral_id, r.organization_id, r.provider_id, r.lead_id, r.referral_date, r.linked, r.revenue_cents, coalesce((SELECT m.consultation_date FROM referral_milestones m WHERE m.referral_id = r.referral_id), (SELECT min(substr(a.starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = r.organization_id AND a.lead_id = r.lead_id AND a.status = 'attended')), coalesce((SELECT m.treatment_start_date FROM referral_milestones m WHERE m.referral_id = r.referral_id), (SELECT substr(min(c.created_at), 1, 10) FROM lead_activities c WHERE c.lead_id = r.lead_id AND +c.organization_id = r.organization_id AND c.kind = 'conversion'))
  FROM (SELECT id AS referral_id, organization_id, provider_id, lead_id, referral_date, patient_id IS NOT NULL AS linked, revenue_cents FROM referrals WHERE direction = 'incoming') r;
