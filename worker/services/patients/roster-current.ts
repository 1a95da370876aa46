import { and, eq, isNull } from 'drizzle-orm';
import { patients } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import type { CurrentPatient } from './roster-match';

/** A facility's patients not yet discharged: what a roster is compared with. */
export async function currentPatients(tenant: TenantDb, facilityId: string): Promise<CurrentPatient[]> {
  return tenant.selectFields(
    {
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      nameKey: patients.nameKey,
      dateOfBirth: patients.dateOfBirth,
      roomNumber: patients.roomNumber,
      mrn: patients.mrn,
      email: patients.email,
      phone: patients.phone,
    },
    patients,
    and(
      eq(patients.facilityId, facilityId),
      isNull(patients.completedAt),
      tenant.facilityFilter(patients.facilityId),
    ),
  );
}
