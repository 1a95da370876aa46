import { inArray, sql } from 'drizzle-orm';
import { cases } from '../../../../db/schema';
import { CASE_RULE_FIELDS } from '../../../../shared/automation/populations';
import { caseParameterSql } from '../../cases/case-parameters';
import { caseMergeValues } from '../merge-values';
import type { PopulationSpec } from './types';

/** Cases: their own fields and the parameters of spec 002, at the rule's locations. */
export const casePopulation: PopulationSpec = {
  table: cases,
  id: cases.id,
  entity: 'case',
  noun: 'Case',
  view: 'patients:view',
  kinds: CASE_RULE_FIELDS,
  load: async () => (now) => ({
    status: sql`${cases.status}`,
    name: sql`${cases.name}`,
    issueDate: sql`${cases.issueDate}`,
    expiryDate: sql`${cases.expiryDate}`,
    maxSessions: sql`${cases.maxSessions}`,
    invoiceableCents: sql`${cases.invoiceableCents}`,
    ...caseParameterSql(now),
  }),
  visible: (tenant) => tenant.facilityFilter(cases.facilityId),
  atLocations: (facilityIds) =>
    facilityIds.length ? inArray(cases.facilityId, [...facilityIds]) : undefined,
  mergeValues: caseMergeValues,
};
