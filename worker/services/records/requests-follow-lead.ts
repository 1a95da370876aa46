import { and, eq, isNull } from 'drizzle-orm';
import { recordsRequests } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * A records request logged for a lead stays with that person: a merge moves
 * the duplicate's requests to the lead kept, and a conversion gives them the
 * patient, so the patient's records, disclosures and board show them. For the
 * same batch as the merge or conversion.
 */
export function recordsRequestsFollow(
  tenant: TenantDb,
  fromLeadId: string,
  to: { leadId: string; patientId: string | null },
) {
  return [
    ...(to.leadId === fromLeadId
      ? []
      : [tenant.update(recordsRequests, { leadId: to.leadId }, eq(recordsRequests.leadId, fromLeadId))]),
    ...(to.patientId
      ? [
          tenant.update(
            recordsRequests,
            { patientId: to.patientId },
            and(eq(recordsRequests.leadId, to.leadId), isNull(recordsRequests.patientId)),
          ),
        ]
      : []),
  ];
}
