import { isNull, sql } from 'drizzle-orm';
import { leads, leadTasks } from '../../../../db/schema';
import { LEAD_RULE_FIELDS } from '../../../../shared/automation/populations';
import { leadScoreSql, scoreContext } from './lead-score-sql';
import { personMergeValues } from './person-values';
import type { PopulationSpec } from './types';

/** Leads still in the pipeline (a merged-away lead lives on in the one it was merged into). */
export const leadPopulation: PopulationSpec = {
  table: leads,
  id: leads.id,
  entity: 'lead',
  noun: 'Lead',
  view: 'leads:view',
  kinds: LEAD_RULE_FIELDS,
  load: async (tenant) => {
    const context = await scoreContext(tenant);
    return (now) => ({
      stage: sql`${leads.stageId}`,
      source: sql`${leads.sourceId}`,
      score: leadScoreSql(context, now),
      // The earliest open follow-up, from the lead's `lead_tasks_lead` index.
      nextFollowUp: sql`(SELECT min(${leadTasks.dueAt}) FROM ${leadTasks} WHERE ${leadTasks.leadId} = ${leads.id} AND ${leadTasks.doneAt} IS NULL)`,
      createdAt: sql`${leads.createdAt}`,
      stageEnteredAt: sql`${leads.stageEnteredAt}`,
    });
  },
  visible: () => isNull(leads.mergedInto),
  atLocations: () => undefined,
  mergeValues: (tenant, id) => personMergeValues(tenant, { leadId: id }),
};
