import { and, eq, sql } from 'drizzle-orm';
import { appointments, cases, facilities, patients } from '../../../db/schema';
import type { MergeField } from '../../../shared/automation/merge-fields';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import { caseParameterSql } from '../cases/case-parameters';

export type MergeValues = Partial<Record<MergeField, string | number | null>>;

/** The merge-field values of one case: its patient, location, practice and next appointment. */
export async function caseMergeValues(tenant: TenantDb, caseId: string, now: string): Promise<MergeValues> {
  const params = caseParameterSql(now);
  const [row] = await tenant
    .join(
      {
        caseName: cases.name,
        expiryDate: cases.expiryDate,
        maxSessions: cases.maxSessions,
        sessionsLeft: params.sessionsLeft,
        sessionsDone: params.sessionsDone,
        firstName: patients.firstName,
        guardian: patients.emergencyContactName,
        locationName: facilities.name,
        locationPhone: facilities.phone,
        // Correlated on the case, so the case's own rows of `appointments_case_params` answer it; as a
        // query of its own ordered by start time, SQLite walked the organisation's appointments by
        // start instead (53 ms a case over a million appointments, 78% of an evaluation's time).
        nextStartsAt: sql<string | null>`(SELECT min(${appointments.startsAt}) FROM ${appointments}
          WHERE ${appointments.caseId} = ${cases.id} AND ${appointments.status} = 'booked' AND ${appointments.startsAt} > ${now})`,
      },
      cases,
      [
        { table: patients, on: eq(patients.id, cases.patientId) },
        { table: facilities, on: eq(facilities.id, cases.facilityId) },
      ],
      and(eq(cases.id, caseId), tenant.facilityFilter(cases.facilityId)),
    )
    .limit(1);
  if (!row) throw notFound('Case');
  const org = await tenant.organization();
  return {
    'recipient.firstName': row.firstName,
    'patient.firstName': row.firstName,
    'guardian.name': row.guardian,
    'case.name': row.caseName,
    'case.expiryDate': row.expiryDate,
    'case.maxSessions': row.maxSessions,
    'case.sessionsLeft': row.sessionsLeft,
    'case.sessionsDone': row.sessionsDone,
    'appointment.startsAt': row.nextStartsAt,
    'practice.name': org.name,
    'location.name': row.locationName,
    'location.phone': row.locationPhone,
  };
}
