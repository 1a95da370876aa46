import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { patientChecklistItems, patientStatusEvents, patients } from '../../../db/schema';
import { deriveEnrollment, type EnrollmentStatus } from '../../../shared/enrollment';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { inJson } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { enrolledNoticeStatements } from './enrolled-notice';

/** Enrollment is "not yet active" while a template change may still reshape the checklist. */
export const RESHAPABLE: EnrollmentStatus[] = ['not_started', 'in_progress'];

/** A template item as it will be once the change is saved. */
export type WantedItem = {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  required: boolean;
  sortOrder: number;
};

type PatientRow = typeof patients.$inferSelect;
type ItemRow = typeof patientChecklistItems.$inferSelect;

/** What a template change does to one governed patient. */
export type PatientPlan = {
  patient: PatientRow;
  added: WantedItem[];
  /** Template items whose open copy takes the new title, kind or required flag. */
  changed: string[];
  /** Template items whose done copy only moves. */
  moved: string[];
  /** Open copies of items the template dropped. */
  removed: string[];
  from: EnrollmentStatus;
  to: EnrollmentStatus;
  clearOverride: boolean;
};

const sameShape = (have: ItemRow, w: WantedItem) =>
  have.title === w.title &&
  have.description === w.description &&
  have.kind === w.kind &&
  have.required === w.required &&
  have.sortOrder === w.sortOrder &&
  !have.removedAt;

/** One patient's checklist against the wanted items: what changes and the status that follows. */
function planPatient(patient: PatientRow, current: ItemRow[], wanted: WantedItem[]): PatientPlan {
  const byTemplate = new Map(current.filter((i) => i.templateItemId).map((i) => [i.templateItemId!, i]));
  const wantedIds = new Set(wanted.map((w) => w.id));
  const plan: PatientPlan = {
    patient,
    added: [],
    changed: [],
    moved: [],
    removed: [],
    from: patient.enrollmentStatus as EnrollmentStatus,
    to: patient.enrollmentStatus as EnrollmentStatus,
    clearOverride: false,
  };
  const after: { required: boolean; done: boolean; removed: boolean }[] = [];
  for (const w of wanted) {
    const have = byTemplate.get(w.id);
    if (!have) plan.added.push(w);
    else if (!have.doneAt && !sameShape(have, w)) plan.changed.push(w.id);
    else if (have.doneAt && have.sortOrder !== w.sortOrder) plan.moved.push(w.id);
    if (!have?.doneAt) after.push({ required: w.required, done: false, removed: false });
  }
  for (const item of current) {
    const dropped = !!item.templateItemId && !wantedIds.has(item.templateItemId);
    if (dropped && !item.doneAt && !item.removedAt) plan.removed.push(item.templateItemId!);
    // A done item is never changed or lost, so it counts as it stands.
    if (item.doneAt) after.push({ required: item.required, done: true, removed: false });
    else if (!item.templateItemId)
      after.push({ required: item.required, done: false, removed: !!item.removedAt });
  }
  const enrollment = deriveEnrollment(after, patient);
  plan.to = enrollment.status;
  plan.clearOverride = !!patient.statusOverride && !enrollment.overridden;
  return plan;
}

export const touches = (p: PatientPlan) =>
  p.added.length + p.changed.length + p.moved.length + p.removed.length > 0 ||
  p.from !== p.to ||
  p.clearOverride;

/** How many patients the template governs (checklist copied from it, not yet active), and what the change does to those it touches. */
export async function planTemplateChange(tenant: TenantDb, templateId: string, wanted: WantedItem[]) {
  const governed = and(
    eq(patients.checklistTemplateId, templateId),
    inArray(patients.enrollmentStatus, RESHAPABLE),
  );
  const rows = await tenant.select(patients, governed);
  const items = rows.length
    ? await tenant.select(
        patientChecklistItems,
        inArray(
          patientChecklistItems.patientId,
          tenant.selectFields({ id: patients.id }, patients, governed),
        ),
      )
    : [];
  const byPatient = new Map<string, ItemRow[]>();
  for (const item of items) byPatient.set(item.patientId, [...(byPatient.get(item.patientId) ?? []), item]);
  const plans = rows.map((p) => planPatient(p, byPatient.get(p.id) ?? [], wanted)).filter(touches);
  return { governed: rows.length, plans };
}

function ofPlans(plans: PatientPlan[], pick: (p: PatientPlan) => string[]) {
  const out = new Map<string, string[]>();
  for (const p of plans) for (const id of pick(p)) out.set(id, [...(out.get(id) ?? []), p.patient.id]);
  return out;
}

/**
 * The statements that carry a plan out, for one batch with the template change:
 * a statement per template item that changes (not per patient), packed inserts,
 * and one status update per destination status; each binds a handful of
 * parameters, patient ids travelling as one JSON parameter.
 */
export async function planStatements(
  tenant: TenantDb,
  audit: AuditLog,
  plans: PatientPlan[],
  wanted: WantedItem[],
  changedBy: string,
): Promise<BatchItem<'sqlite'>[]> {
  const now = iso();
  const out: BatchItem<'sqlite'>[] = [];
  const wantedById = new Map(wanted.map((w) => [w.id, w]));
  const item = patientChecklistItems;
  for (const [templateItemId, ids] of ofPlans(plans, (p) => p.changed)) {
    const w = wantedById.get(templateItemId)!;
    const { id: _id, ...shape } = w;
    out.push(
      tenant.update(
        item,
        { ...shape, removedAt: null, updatedAt: now },
        and(
          eq(item.templateItemId, templateItemId),
          sql`${item.doneAt} IS NULL`,
          inJson(item.patientId, ids),
        ),
      ),
    );
  }
  for (const [templateItemId, ids] of ofPlans(plans, (p) => p.moved)) {
    out.push(
      tenant.update(
        item,
        { sortOrder: wantedById.get(templateItemId)!.sortOrder },
        and(eq(item.templateItemId, templateItemId), inJson(item.patientId, ids)),
      ),
    );
  }
  for (const [templateItemId, ids] of ofPlans(plans, (p) => p.removed)) {
    out.push(
      tenant.update(
        item,
        { removedAt: now, updatedAt: now },
        and(
          eq(item.templateItemId, templateItemId),
          sql`${item.doneAt} IS NULL`,
          inJson(item.patientId, ids),
        ),
      ),
    );
  }
  const inserts = plans.flatMap((p) =>
    p.added.map(({ id: templateItemId, ...shape }) => ({
      id: newId('pci'),
      patientId: p.patient.id,
      templateItemId,
      ...shape,
      updatedAt: now,
    })),
  );
  out.push(...tenant.insertPacked(item, inserts));

  const moves = plans.filter((p) => p.from !== p.to);
  const byStatus = new Map<EnrollmentStatus, string[]>();
  for (const p of moves) byStatus.set(p.to, [...(byStatus.get(p.to) ?? []), p.patient.id]);
  for (const [to, ids] of byStatus) {
    out.push(tenant.update(patients, { enrollmentStatus: to, updatedAt: now }, inJson(patients.id, ids)));
  }
  const cleared = plans.filter((p) => p.clearOverride).map((p) => p.patient.id);
  if (cleared.length) {
    out.push(
      tenant.update(
        patients,
        { statusOverride: null, statusOverrideReason: null },
        inJson(patients.id, cleared),
      ),
    );
  }
  const reason = 'Checklist template changed';
  out.push(
    ...tenant.insertPacked(
      patientStatusEvents,
      moves.map((p) => ({
        id: newId('pse'),
        patientId: p.patient.id,
        fromStatus: p.from,
        toStatus: p.to,
        reason,
        changedBy,
        createdAt: now,
      })),
    ),
  );
  out.push(
    ...audit.statements(
      moves.map((p) => ({
        action: 'update' as const,
        entityType: 'patient_enrollment',
        entityId: p.patient.id,
        detail: { from: p.from, to: p.to, reason },
      })),
    ),
  );
  const nowActive = moves.filter((p) => p.to === 'active').map((p) => p.patient.facilityId);
  out.push(...(await enrolledNoticeStatements(tenant, nowActive)));
  return out;
}
