import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  checklistTemplateItems,
  patientChecklistItems,
  patientStatusEvents,
  patients,
} from '../../../db/schema';
import { deriveEnrollment } from '../../../shared/enrollment';
import type { RosterApply, RosterDiff } from '../../../shared/schemas/roster-diff';
import type { AuditEntry } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { inJson, inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import type { CheckedPatient } from './roster-rows';

type PatientRow = typeof patients.$inferSelect;

const READMIT_REASON = 'Readmitted: back on the facility roster (confirmed in the roster import)';

/**
 * The roster's would-be admissions that name a patient the facility
 * discharged (same name and birth date): that person coming back, offered as
 * a readmission of their own record instead of a duplicate. Each discharged
 * patient answers one row; the rest stay admissions.
 */
export async function findReadmissions(
  tenant: TenantDb,
  facilityId: string,
  rows: (CheckedPatient | null)[],
  admissions: { row: number }[],
): Promise<{ readmissions: RosterDiff['readmissions']; admissions: { row: number }[] }> {
  const keys = [...new Set(admissions.flatMap((a) => (rows[a.row] ? [rows[a.row]!.nameKey] : [])))];
  const discharged = new Map<string, PatientRow>();
  for (const part of inListChunks(keys)) {
    const found = await tenant.select(
      patients,
      and(
        eq(patients.facilityId, facilityId),
        inArray(patients.nameKey, part),
        isNotNull(patients.completedAt),
        tenant.facilityFilter(patients.facilityId),
      ),
    );
    // The latest discharge speaks for a name and birth date the facility has seen more than once.
    for (const p of found) {
      const key = `${p.nameKey}|${p.dateOfBirth}`;
      const seen = discharged.get(key);
      if (!seen || (seen.completedAt ?? '') < (p.completedAt ?? '')) discharged.set(key, p);
    }
  }
  const readmissions: RosterDiff['readmissions'] = [];
  const left: { row: number }[] = [];
  for (const a of admissions) {
    const row = rows[a.row];
    const key = row ? `${row.nameKey}|${row.dateOfBirth}` : '';
    const p = discharged.get(key);
    if (!p) {
      left.push(a);
      continue;
    }
    discharged.delete(key);
    readmissions.push({
      row: a.row,
      patient: {
        patientId: p.id,
        firstName: p.firstName,
        lastName: p.lastName,
        dateOfBirth: p.dateOfBirth,
        roomNumber: p.roomNumber,
        mrn: p.mrn,
        email: p.email,
        phone: p.phone,
        dischargedAt: p.completedAt!,
      },
    });
  }
  return { readmissions, admissions: left };
}

/**
 * What readmitting discharged patients writes, for the caller's batch: the
 * discharge is lifted (their record, checklist and history stay), the
 * discharge tasks still open are set aside as no longer needed, and the status
 * is what the checklist says (spec 000: in progress while items are open,
 * active, and so back in the pending pool, when every required one is done),
 * each change recorded in the status history. A patient no longer discharged
 * is left as is, so a retry changes nothing twice.
 */
export async function readmissionStatements(
  tenant: TenantDb,
  known: Map<string, PatientRow>,
  input: RosterApply['readmissions'],
  userId: string,
  now: string,
) {
  const returning = input.flatMap((r) => {
    const p = known.get(r.patientId);
    return p?.completedAt ? [{ patient: p, roomNumber: r.roomNumber }] : [];
  });
  const ids = returning.map((r) => r.patient.id);
  const items = await checklistsWithStage(tenant, ids);
  const statements: BatchItem<'sqlite'>[] = [];
  const setAside: string[] = [];
  const events = returning.map(({ patient, roomNumber }) => {
    const own = items.filter((i) => i.patientId === patient.id);
    const openDischarge = own.filter((i) => i.stage === 'discharge' && !i.doneAt && !i.removedAt);
    setAside.push(...openDischarge.map((i) => i.id));
    const status = deriveEnrollment(
      own
        .filter((i) => !openDischarge.includes(i))
        .map((i) => ({ required: i.required, done: !!i.doneAt, removed: !!i.removedAt })),
    ).status;
    statements.push(
      tenant.update(
        patients,
        {
          completedAt: null,
          enrollmentStatus: status,
          statusOverride: null,
          statusOverrideReason: null,
          ...(roomNumber ? { roomNumber } : {}),
          updatedAt: now,
        },
        and(eq(patients.id, patient.id), isNotNull(patients.completedAt)),
      ),
    );
    return {
      id: newId('pse'),
      patientId: patient.id,
      fromStatus: patient.enrollmentStatus,
      toStatus: status,
      reason: READMIT_REASON,
      changedBy: userId,
      createdAt: now,
    };
  });
  if (setAside.length)
    statements.push(
      tenant.update(
        patientChecklistItems,
        { removedAt: now, updatedAt: now },
        inJson(patientChecklistItems.id, setAside),
      ),
    );
  statements.push(...tenant.insertPacked(patientStatusEvents, events));
  const audit: AuditEntry[] = returning.map(({ patient, roomNumber }) => ({
    action: 'update',
    entityType: 'patient_enrollment',
    entityId: patient.id,
    detail: { via: 'roster_diff', readmitted: true, ...(roomNumber ? { fields: ['roomNumber'] } : {}) },
  }));
  return { readmitted: ids, statements, audit };
}

/** The patients' checklist items, each with the stage (enrollment or discharge) its template item applies on. */
async function checklistsWithStage(tenant: TenantDb, patientIds: string[]) {
  const out = [];
  for (const part of inListChunks(patientIds)) {
    out.push(
      ...(await tenant.join(
        {
          id: patientChecklistItems.id,
          patientId: patientChecklistItems.patientId,
          required: patientChecklistItems.required,
          doneAt: patientChecklistItems.doneAt,
          removedAt: patientChecklistItems.removedAt,
          stage: checklistTemplateItems.appliesOn,
        },
        patientChecklistItems,
        [
          {
            table: checklistTemplateItems,
            on: eq(checklistTemplateItems.id, patientChecklistItems.templateItemId),
            left: true,
          },
        ],
        inArray(patientChecklistItems.patientId, part),
      )),
    );
  }
  return out;
}
