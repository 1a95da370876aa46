import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { facilities, patientServices, patients, services } from '../../../db/schema';
import type {
  ENROLLMENT_STATUSES,
  MEETING_STATUSES,
  VISIT_PREFERENCES,
} from '../../../shared/schemas/patients';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';

type PatientRow = typeof patients.$inferSelect;

/**
 * "All services" read as what it means today: every active service in the
 * categories of each such patient's facility (two reads, only when a patient has it).
 */
async function allServicesByFacility(tenant: TenantDb, rows: PatientRow[]) {
  const facilityIds = [...new Set(rows.filter((r) => r.fullPackage).map((r) => r.facilityId))];
  const byFacility = new Map<string, string[]>();
  if (facilityIds.length === 0) return byFacility;
  const active = await tenant.selectFields(
    { id: services.id, category: services.category },
    services,
    eq(services.active, true),
  );
  for (const part of inListChunks(facilityIds)) {
    const homes = await tenant.selectFields(
      { id: facilities.id, categories: facilities.serviceCategories },
      facilities,
      inArray(facilities.id, part),
    );
    for (const h of homes)
      byFacility.set(
        h.id,
        active.filter((s) => h.categories.includes(s.category)).map((s) => s.id),
      );
  }
  return byFacility;
}

/**
 * A patient row with its selected services as one more column (a JSON array
 * read by a correlated subquery of `patient_services`' primary key): a list
 * page then needs no second read for them.
 */
export const listedPatientFields = (tenant: TenantDb) => ({
  ...getTableColumns(patients),
  serviceIdsJson: sql<string>`(SELECT json_group_array(${patientServices.serviceId}) FROM ${patientServices} WHERE ${tenant.scope(patientServices, sql`${patientServices.patientId} = ${patients.id}`)})`,
});

/**
 * API shapes, with each patient's selected services from its row's
 * `serviceIdsJson` (`listedPatientFields`) or else one extra read per `IN`
 * list of patients.
 */
export async function patientsView(tenant: TenantDb, rows: (PatientRow & { serviceIdsJson?: string })[]) {
  const selected = new Map<string, string[]>();
  for (const r of rows)
    if (r.serviceIdsJson !== undefined) selected.set(r.id, JSON.parse(r.serviceIdsJson) as string[]);
  const all = await allServicesByFacility(tenant, rows);
  for (const part of inListChunks(rows.filter((r) => !r.fullPackage && !selected.has(r.id)))) {
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
    email: r.email,
    phone: r.phone,
    payer: r.payer,
    attendingPhysician: r.attendingPhysician,
    notes: r.notes,
    enrollmentStatus: r.enrollmentStatus as (typeof ENROLLMENT_STATUSES)[number],
    visitPreference: r.visitPreference as (typeof VISIT_PREFERENCES)[number],
    meetingStatus: r.meetingStatus as (typeof MEETING_STATUSES)[number],
    fullPackage: r.fullPackage,
    /** The lead this patient was converted from, if any (its timeline, source and intake history). */
    leadId: r.leadId,
    serviceIds: [...((r.fullPackage ? all.get(r.facilityId) : selected.get(r.id)) ?? [])].sort(),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function patientView(tenant: TenantDb, row: PatientRow) {
  return (await patientsView(tenant, [row]))[0]!;
}
