import { inArray } from 'drizzle-orm';
import { patientServices, type patients } from '../../../db/schema';
import type {
  ENROLLMENT_STATUSES,
  MEETING_STATUSES,
  VISIT_PREFERENCES,
} from '../../../shared/schemas/patients';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';

type PatientRow = typeof patients.$inferSelect;

/** API shapes, with each patient's selected services in one extra read per `IN` list of patients. */
export async function patientsView(tenant: TenantDb, rows: PatientRow[]) {
  const selected = new Map<string, string[]>();
  for (const part of inListChunks(rows)) {
    const ids = part.map((r) => r.id);
    const links = await tenant.selectFields(
      { patientId: patientServices.patientId, serviceId: patientServices.serviceId },
      patientServices,
      inArray(patientServices.patientId, ids),
    );
    for (const l of links) selected.set(l.patientId, [...(selected.get(l.patientId) ?? []), l.serviceId]);
  }
  return rows.map((r) => ({
    id: r.id,
    facilityId: r.facilityId,
    firstName: r.firstName,
    lastName: r.lastName,
    dateOfBirth: r.dateOfBirth,
    roomNumber: r.roomNumber,
    emergencyContact: r.emergencyContactName
      ? {
          name: r.emergencyContactName,
          relationship: r.emergencyContactRelationship,
          phone: r.emergencyContactPhone,
        }
      : null,
    sex: r.sex,
    mrn: r.mrn,
    notes: r.notes,
    enrollmentStatus: r.enrollmentStatus as (typeof ENROLLMENT_STATUSES)[number],
    visitPreference: r.visitPreference as (typeof VISIT_PREFERENCES)[number],
    meetingStatus: r.meetingStatus as (typeof MEETING_STATUSES)[number],
    fullPackage: r.fullPackage,
    /** The lead this patient was converted from, if any (its timeline, source and intake history). */
    leadId: r.leadId,
    serviceIds: (selected.get(r.id) ?? []).sort(),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function patientView(tenant: TenantDb, row: PatientRow) {
  return (await patientsView(tenant, [row]))[0]!;
}
