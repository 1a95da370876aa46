import { eq, sql } from 'drizzle-orm';
import { recordsRequests } from '../../../../db/schema';
import { RECORDS_REQUEST_RULE_FIELDS } from '../../../../shared/automation/populations';
import { personMergeValues } from './person-values';
import type { PopulationSpec } from './types';

/** Records requests in both directions, by status and due date. */
export const recordsRequestPopulation: PopulationSpec = {
  table: recordsRequests,
  id: recordsRequests.id,
  entity: 'records_request',
  noun: 'Records request',
  view: 'records:view',
  kinds: RECORDS_REQUEST_RULE_FIELDS,
  load: async () => () => ({
    status: sql`${recordsRequests.status}`,
    direction: sql`${recordsRequests.direction}`,
    dueDate: sql`${recordsRequests.dueOn}`,
    receivedDate: sql`${recordsRequests.receivedOn}`,
  }),
  visible: () => undefined,
  atLocations: () => undefined,
  mergeValues: async (tenant, id) => {
    const [row] = await tenant
      .selectFields(
        { patientId: recordsRequests.patientId, leadId: recordsRequests.leadId },
        recordsRequests,
        eq(recordsRequests.id, id),
      )
      .limit(1);
    return personMergeValues(tenant, row ?? {});
  },
};
