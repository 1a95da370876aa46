import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  assignments,
  type facilities,
  intakeRequests,
  type leads,
  leadTasks,
  patients,
  providers,
} from '../../../db/schema';
import type { CONTRACT_STATUSES } from '../../../shared/contract-status';
import type { ENROLLMENT_STATUSES } from '../../../shared/schemas/patients';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { ensureChecklist, patientItems } from '../checklists/patient-checklist';
import { leadScore } from '../leads/lead-score';
import { listStages } from '../leads/pipeline';

type PatientRow = typeof patients.$inferSelect & { facilityName: string };
const OPEN_INTAKE = ['sent', 'opened', 'in_progress'];
const NEXT_ITEMS = 3;

/**
 * What the card shows of a patient: enrollment, the next open checklist items
 * (the checklist is copied from its template here if nobody opened it yet,
 * as opening the patient would), provider and open intake requests.
 */
export async function patientCard(tenant: TenantDb, row: PatientRow) {
  const patient = await ensureChecklist(tenant, row);
  const [items, [assignment], openIntake] = await Promise.all([
    patientItems(tenant, patient.id),
    tenant
      .join(
        { id: providers.id, name: providers.name },
        assignments,
        [{ table: providers, on: eq(providers.id, assignments.providerId) }],
        and(eq(assignments.patientId, patient.id), isNull(assignments.endedAt)),
      )
      .limit(1),
    tenant.count(
      intakeRequests,
      and(eq(intakeRequests.patientId, patient.id), inArray(intakeRequests.status, OPEN_INTAKE)),
    ),
  ]);
  const current = items.filter((i) => !i.removedAt);
  const open = current.filter((i) => !i.doneAt);
  // Required items first: they decide enrollment.
  const next = [...open.filter((i) => i.required), ...open.filter((i) => !i.required)].slice(0, NEXT_ITEMS);
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    mrn: patient.mrn,
    roomNumber: patient.roomNumber,
    facilityId: patient.facilityId,
    facilityName: row.facilityName,
    enrollmentStatus: patient.enrollmentStatus as (typeof ENROLLMENT_STATUSES)[number],
    checklist: {
      done: current.length - open.length,
      total: current.length,
      next: next.map((i) => ({ id: i.id, title: i.title, required: i.required })),
    },
    provider: assignment ?? null,
    openIntakeRequests: openIntake,
  };
}

export async function leadCard(tenant: TenantDb, audit: AuditLog, row: typeof leads.$inferSelect) {
  const [stages, scored, [task]] = await Promise.all([
    listStages(tenant),
    leadScore(tenant, audit, row.id),
    tenant
      .select(leadTasks, and(eq(leadTasks.leadId, row.id), isNull(leadTasks.doneAt)))
      .orderBy(asc(leadTasks.dueAt))
      .limit(1),
  ]);
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    stage: stages.find((s) => s.id === row.stageId)?.name ?? '',
    score: scored.score,
    nextFollowUp: task ? { title: task.title, dueAt: task.dueAt } : null,
  };
}

export async function facilityCard(tenant: TenantDb, row: typeof facilities.$inferSelect) {
  const [all, active] = await Promise.all([
    tenant.count(patients, eq(patients.facilityId, row.id)),
    tenant.count(patients, and(eq(patients.facilityId, row.id), eq(patients.enrollmentStatus, 'active'))),
  ]);
  return {
    name: row.name,
    city: row.city,
    state: row.state,
    contractStatus: row.contractStatus as (typeof CONTRACT_STATUSES)[number],
    patients: all,
    activePatients: active,
  };
}
