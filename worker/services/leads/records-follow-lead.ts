import { and, eq, isNull } from 'drizzle-orm';
import { appointments, patientConsents, recordsRequests } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

/** Records kept about a person who may start as a lead: they carry both ids. */
type FollowsLead = typeof patientConsents | typeof recordsRequests | typeof appointments;

/**
 * Records about a lead follow the person, for the batch that moves them: a
 * merged-away lead's go to the lead it was merged into (as its timeline
 * does), and a lead's are the patient's once it is converted, so each list
 * reads one index in order (`patient_id = ?` or `lead_id = ?`).
 */
export function followLead(
  tenant: TenantDb,
  table: FollowsLead,
  fromLeadId: string,
  to: { leadId: string; patientId: string | null },
) {
  return [
    ...(to.leadId === fromLeadId
      ? []
      : [tenant.update(table, { leadId: to.leadId }, eq(table.leadId, fromLeadId))]),
    ...(to.patientId
      ? [
          tenant.update(
            table,
            { patientId: to.patientId },
            and(eq(table.leadId, to.leadId), isNull(table.patientId)),
          ),
        ]
      : []),
  ];
}

/** Everything kept about a lead that must follow it: its consents, records requests and consultations. */
export function leadRecordsFollow(
  tenant: TenantDb,
  fromLeadId: string,
  to: { leadId: string; patientId: string | null },
) {
  return [patientConsents, recordsRequests, appointments].flatMap((table) =>
    followLead(tenant, table, fromLeadId, to),
  );
}
