import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  assignments,
  patientChecklistItems,
  patientImports,
  patientStatusEvents,
  patients,
} from '../../../db/schema';
import { nameKey } from '../../../shared/roster/names';
import type { RosterApply } from '../../../shared/schemas/roster-diff';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditEntry, AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { inJson, inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { effectiveTemplate, templateItems } from '../checklists/templates';
import { facilityTakingPatients, visibleFacility } from '../facilities/facility-access';
import { checkedNewPatients } from './roster-commit';
import { readmissionStatements } from './roster-readmit';
import { checkPatientRow } from './roster-rows';

type PatientRow = typeof patients.$inferSelect;
type TemplateItem = Awaited<ReturnType<typeof templateItems>>[number];

const DISCHARGE_REASON = 'Discharged: not on the facility roster (confirmed in the roster import)';

/** The facility's patients named by id, or 404 for the first one missing, hidden or of another facility. */
async function facilityPatients(tenant: TenantDb, facilityId: string, ids: string[]) {
  const found = new Map<string, PatientRow>();
  for (const part of inListChunks([...new Set(ids)])) {
    const rows = await tenant.select(
      patients,
      and(
        inArray(patients.id, part),
        eq(patients.facilityId, facilityId),
        tenant.facilityFilter(patients.facilityId),
      ),
    );
    for (const r of rows) found.set(r.id, r);
  }
  if (ids.some((id) => !found.has(id))) throw notFound('Patient');
  return found;
}

/** A template's items copied onto patients' checklists, as packed rows. */
function copiedItems(patientIds: string[], items: TemplateItem[], now: string) {
  return patientIds.flatMap((patientId) =>
    items.map((w) => ({
      id: newId('pci'),
      patientId,
      templateItemId: w.id,
      title: w.title,
      description: w.description,
      kind: w.kind,
      required: w.required,
      sortOrder: w.sortOrder,
      updatedAt: now,
    })),
  );
}

/** Each confirmed change checked as a whole record (a real birth date, names present) with its new values. */
function checkedChanges(input: RosterApply, known: Map<string, PatientRow>) {
  const details: { path: string; issue: string }[] = [];
  const today = new Date();
  const out = input.changes.map((change, i) => {
    const p = known.get(change.patientId)!;
    const { patientId: _id, ...set } = change;
    const merged = {
      firstName: set.firstName ?? p.firstName,
      lastName: set.lastName ?? p.lastName,
      dateOfBirth: set.dateOfBirth ?? p.dateOfBirth,
    };
    const checked = checkPatientRow({ ...merged, email: set.email, phone: set.phone }, today);
    for (const e of checked.errors) details.push({ path: `changes.${i}.${e.field}`, issue: e.issue });
    return {
      patientId: change.patientId,
      set: {
        ...set,
        ...(checked.value
          ? {
              dateOfBirth: checked.value.dateOfBirth,
              nameKey: nameKey(merged.firstName, merged.lastName),
              ...(set.email ? { email: checked.value.email } : {}),
              ...(set.phone ? { phoneKey: checked.value.phoneKey } : {}),
            }
          : {}),
      },
    };
  });
  if (details.length)
    throw new AppError('validation_failed', 'A confirmed change is not a valid patient record', details);
  return out;
}

/**
 * Applies what the person confirmed of a roster diff, all or nothing in one
 * batch: admissions become patients with their checklist copied from the
 * facility's template (the tasks they need); discharges complete the patient,
 * end their provider assignment and add the template's discharge tasks;
 * changes update the fields. A patient already discharged is left as is, so a
 * retry changes nothing twice (and an Idempotency-Key returns the first answer).
 */
export async function applyRosterDiff(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: RosterApply,
) {
  const { facilityId } = input;
  if (input.admissions.length || input.readmissions.length) await facilityTakingPatients(tenant, facilityId);
  else await visibleFacility(tenant, facilityId);
  assertOneActionEach(input);
  const admitted = await checkedNewPatients(tenant, facilityId, input.admissions, 'admissions');
  const known = await facilityPatients(tenant, facilityId, [
    ...input.discharges.map((d) => d.patientId),
    ...input.changes.map((c) => c.patientId),
    ...input.readmissions.map((r) => r.patientId),
  ]);
  const changes = checkedChanges(input, known);
  const leaving = [...new Set(input.discharges.map((d) => d.patientId))]
    .map((id) => known.get(id)!)
    .filter((p) => !p.completedAt);

  const template = await effectiveTemplate(tenant, facilityId);
  const [onboarding, dischargeTasks] = await Promise.all([
    templateItems(tenant, template.id),
    templateItems(tenant, template.id, 'discharge'),
  ]);
  const now = iso();
  const readmit = await readmissionStatements(tenant, known, input.readmissions, auth.userId, now);
  const importId = admitted.length ? newId('imp') : null;
  const newPatients = admitted.map((p) => ({
    ...p,
    id: newId('pat'),
    facilityId,
    importId,
    checklistTemplateId: template.id,
    createdBy: auth.userId,
    createdAt: now,
    updatedAt: now,
  }));
  const tasks = [
    ...copiedItems(
      newPatients.map((p) => p.id),
      onboarding,
      now,
    ),
    ...copiedItems(
      leaving.map((p) => p.id),
      dischargeTasks,
      now,
    ),
  ];
  const leavingIds = leaving.map((p) => p.id);
  const statements: BatchItem<'sqlite'>[] = [
    ...tenant.insertPacked(patients, newPatients),
    ...(importId
      ? [
          tenant.insert(patientImports, {
            id: importId,
            facilityId,
            fileName: input.fileName ?? null,
            source: input.source,
            rowCount: newPatients.length,
            createdBy: auth.userId,
            createdAt: now,
          }),
        ]
      : []),
    ...(leavingIds.length
      ? [
          tenant.update(
            patients,
            {
              completedAt: now,
              enrollmentStatus: 'completed',
              statusOverride: null,
              statusOverrideReason: null,
              updatedAt: now,
            },
            and(inJson(patients.id, leavingIds), isNull(patients.completedAt)),
          ),
          // Discharge frees the provider: the assignment ends, kept in the history.
          tenant.update(
            assignments,
            { endedAt: now, endedBy: auth.userId, endReason: 'discharged' },
            and(inJson(assignments.patientId, leavingIds), isNull(assignments.endedAt)),
          ),
          ...tenant.insertPacked(
            patientStatusEvents,
            leaving.map((p) => ({
              id: newId('pse'),
              patientId: p.id,
              fromStatus: p.enrollmentStatus,
              toStatus: 'completed',
              reason: DISCHARGE_REASON,
              changedBy: auth.userId,
              createdAt: now,
            })),
          ),
        ]
      : []),
    ...tenant.insertPacked(patientChecklistItems, tasks),
    ...changes.map((c) =>
      tenant.update(patients, { ...c.set, updatedAt: now }, eq(patients.id, c.patientId)),
    ),
    ...readmit.statements,
    ...audit.statements([
      ...auditEntries(input, {
        importId,
        admitted: newPatients.map((p) => p.id),
        readmitted: readmit.readmitted,
        leavingIds,
        changes,
      }),
      ...readmit.audit,
    ]),
  ];
  await tenant.batch(statements);
  return {
    importId,
    admitted: newPatients.map((p) => p.id),
    readmitted: readmit.readmitted,
    discharged: leavingIds,
    changed: changes.map((c) => c.patientId),
    tasksCreated: tasks.length,
  };
}

/** A patient is readmitted, discharged or changed by one roster at most: the three would contradict. */
function assertOneActionEach(input: RosterApply) {
  const seen = new Map<string, string>();
  for (const [group, ids] of [
    ['readmissions', input.readmissions.map((r) => r.patientId)],
    ['discharges', input.discharges.map((d) => d.patientId)],
    ['changes', input.changes.map((c) => c.patientId)],
  ] as const) {
    for (const id of new Set(ids)) {
      const earlier = seen.get(id);
      if (earlier)
        throw new AppError(
          'validation_failed',
          'A patient can be readmitted, discharged or changed, not two of these',
          [{ path: group, issue: `also in ${earlier}: ${id}` }],
        );
      seen.set(id, group);
    }
  }
}

/** One event per patient written, naming the fields changed (never their values), and one for the import. */
function auditEntries(
  input: RosterApply,
  done: {
    importId: string | null;
    admitted: string[];
    readmitted: string[];
    leavingIds: string[];
    changes: { patientId: string; set: Record<string, unknown> }[];
  },
): AuditEntry[] {
  const via = { via: 'roster_diff', facilityId: input.facilityId };
  return [
    {
      action: 'update',
      entityType: 'roster_diff',
      entityId: done.importId,
      detail: {
        ...via,
        source: input.source,
        admitted: done.admitted.length,
        readmitted: done.readmitted.length,
        discharged: done.leavingIds.length,
        changed: done.changes.length,
      },
    },
    ...done.admitted.map((id) => ({
      action: 'create' as const,
      entityType: 'patient',
      entityId: id,
      detail: via,
    })),
    ...done.leavingIds.map((id) => ({
      action: 'update' as const,
      entityType: 'patient_enrollment',
      entityId: id,
      detail: { ...via, completed: true },
    })),
    ...done.changes.map((c) => ({
      action: 'update' as const,
      entityType: 'patient',
      entityId: c.patientId,
      detail: { ...via, fields: Object.keys(c.set).filter((f) => f !== 'nameKey' && f !== 'phoneKey') },
    })),
  ];
}
