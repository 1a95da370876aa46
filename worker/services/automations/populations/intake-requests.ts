import { eq, sql } from 'drizzle-orm';
import { intakeRequests } from '../../../../db/schema';
import { INTAKE_REQUEST_RULE_FIELDS } from '../../../../shared/automation/populations';
import { personMergeValues } from './person-values';
import type { PopulationSpec } from './types';

/** Intake forms sent to leads and patients. */
export const intakeRequestPopulation: PopulationSpec = {
  table: intakeRequests,
  id: intakeRequests.id,
  entity: 'intake_request',
  noun: 'Intake request',
  view: 'intake:view',
  kinds: INTAKE_REQUEST_RULE_FIELDS,
  load: async () => () => ({
    status: sql`${intakeRequests.status}`,
    delivery: sql`${intakeRequests.delivery}`,
    sentAt: sql`${intakeRequests.sentAt}`,
    expiresAt: sql`${intakeRequests.expiresAt}`,
    openedAt: sql`${intakeRequests.openedAt}`,
  }),
  visible: () => undefined,
  atLocations: () => undefined,
  mergeValues: async (tenant, id) => {
    const [row] = await tenant
      .selectFields(
        { patientId: intakeRequests.patientId, leadId: intakeRequests.leadId },
        intakeRequests,
        eq(intakeRequests.id, id),
      )
      .limit(1);
    return personMergeValues(tenant, row ?? {});
  },
};
