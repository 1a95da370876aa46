import { and, asc, eq } from 'drizzle-orm';
import { patients } from '../../../db/schema';
import type { PatientCreate } from '../../../shared/schemas/patients';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { facilityTakingPatients, visibleFacility } from '../facilities/facility-access';
import { existingDuplicates } from './find-duplicates';
import { searchPatients } from './name-search';
import { visiblePatient } from './patient-access';
import { listedPatientFields, patientsView, patientView } from './patient-view';
import { checkPatientRow, duplicateKey } from './roster-rows';

function rowErrors(errors: { field: string; issue: string }[]) {
  return new AppError(
    'validation_failed',
    errors[0]!.issue,
    errors.map((e) => ({ path: e.field, issue: e.issue })),
  );
}

/**
 * Checks one new patient for a facility the caller can see and answers the
 * insert for the caller's batch. The same normalised name and date of birth at
 * the facility is a likely duplicate: 409 with the existing patient's id,
 * unless the caller confirms. Adding a patient and converting a lead share it.
 */
export async function planNewPatient(
  tenant: TenantDb,
  auth: AuthContext,
  facilityId: string,
  row: Parameters<typeof checkPatientRow>[0],
  options: { confirmDuplicate?: boolean; leadId?: string } = {},
) {
  await facilityTakingPatients(tenant, facilityId);
  const checked = checkPatientRow(row);
  if (!checked.value) throw rowErrors(checked.errors);
  const value = checked.value;
  if (!options.confirmDuplicate) {
    const existing = (await existingDuplicates(tenant, facilityId, [value])).get(duplicateKey(value));
    if (existing) {
      throw new AppError(
        'conflict',
        `${value.firstName} ${value.lastName}, born ${value.dateOfBirth}, is already a patient at this facility`,
        [{ path: 'existingPatientId', issue: existing }],
      );
    }
  }
  const id = newId('pat');
  const now = iso();
  const statement = tenant.insert(patients, {
    id,
    facilityId,
    ...value,
    leadId: options.leadId ?? null,
    createdBy: auth.userId,
    createdAt: now,
    updatedAt: now,
  });
  return { id, statement };
}

/** Adds one patient (spec 000, step 3 option A). */
export async function createPatient(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: PatientCreate,
) {
  const { id, statement } = await planNewPatient(
    tenant,
    auth,
    input.facilityId,
    {
      firstName: input.firstName,
      lastName: input.lastName,
      dateOfBirth: input.dateOfBirth,
      roomNumber: input.roomNumber,
      sex: input.sex,
      mrn: input.mrn,
      email: input.email,
      phone: input.phone,
      payer: input.payer,
      physician: input.attendingPhysician,
      notes: input.notes,
      emergencyContactName: input.emergencyContact?.name,
      emergencyContactRelationship: input.emergencyContact?.relationship,
      emergencyContactPhone: input.emergencyContact?.phone,
    },
    { confirmDuplicate: input.confirmDuplicate },
  );
  await tenant.batch([
    statement,
    audit.statement({
      action: 'create',
      entityType: 'patient',
      entityId: id,
      detail: { facilityId: input.facilityId, confirmedDuplicate: !!input.confirmDuplicate },
    }),
  ]);
  return patientView(tenant, await visiblePatient(tenant, id));
}

export async function updatePatient(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  id: string,
  input: Partial<
    Omit<PatientCreate, 'facilityId' | 'confirmDuplicate' | 'emergencyContact' | 'email' | 'phone'>
  > & {
    emergencyContact?: PatientCreate['emergencyContact'] | null;
    email?: string | null;
    phone?: string | null;
    visitPreference?: string;
    meetingStatus?: string;
  },
) {
  const row = await visiblePatient(tenant, id);
  const contact = input.emergencyContact === undefined ? undefined : input.emergencyContact;
  const checked = checkPatientRow({
    firstName: input.firstName ?? row.firstName,
    lastName: input.lastName ?? row.lastName,
    dateOfBirth: input.dateOfBirth ?? row.dateOfBirth,
    roomNumber: input.roomNumber ?? row.roomNumber,
    sex: input.sex ?? row.sex,
    mrn: input.mrn ?? row.mrn,
    email: input.email === undefined ? row.email : input.email,
    phone: input.phone === undefined ? row.phone : input.phone,
    payer: input.payer ?? row.payer,
    physician: input.attendingPhysician ?? row.attendingPhysician,
    notes: input.notes ?? row.notes,
    emergencyContactName: contact === undefined ? row.emergencyContactName : contact?.name,
    emergencyContactRelationship:
      contact === undefined ? row.emergencyContactRelationship : contact?.relationship,
    emergencyContactPhone: contact === undefined ? row.emergencyContactPhone : contact?.phone,
  });
  if (!checked.value) throw rowErrors(checked.errors);
  await tenant.batch([
    tenant.update(
      patients,
      {
        ...checked.value,
        ...(input.visitPreference ? { visitPreference: input.visitPreference } : {}),
        ...(input.meetingStatus ? { meetingStatus: input.meetingStatus } : {}),
        updatedAt: iso(),
      },
      eq(patients.id, id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'patient',
      entityId: id,
      detail: { changed: Object.keys(input) },
    }),
  ]);
  return patientView(tenant, await visiblePatient(tenant, id));
}

/** By facility, searched by the start of name words (or an MRN), alphabetical, in cursor pages. */
export async function listPatients(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  query: { facilityId?: string; q?: string; limit: number; cursor?: string },
) {
  if (query.facilityId) await visibleFacility(tenant, query.facilityId);
  const words = (query.q ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    // Five bound parameters a word: eight words stay far under D1's 100.
    .slice(0, 8);
  const where = and(
    tenant.facilityFilter(patients.facilityId),
    query.facilityId ? eq(patients.facilityId, query.facilityId) : undefined,
    afterCursor(patients.nameKey, patients.id, decodeCursor(query.cursor), 'asc'),
  );
  const rows = await (words.length
    ? searchPatients(tenant, words, where, query.limit + 1)
    : tenant
        .selectFields(listedPatientFields(tenant), patients, where)
        .orderBy(asc(patients.nameKey), asc(patients.id))
  ).limit(query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => r.nameKey);
  // Ids, not names: the trail can answer "who saw this patient" without holding PHI itself.
  audit.record({
    action: 'list',
    entityType: 'patient',
    detail: {
      facilityId: query.facilityId ?? null,
      count: page.items.length,
      patientIds: page.items.map((p) => p.id),
    },
  });
  return { items: await patientsView(tenant, page.items), nextCursor: page.nextCursor };
}
