import { eq, inArray, sql } from 'drizzle-orm';
import { facilities } from '../../../../db/schema';
import { FACILITY_RULE_FIELDS } from '../../../../shared/automation/populations';
import type { PopulationSpec } from './types';

/** Facilities (locations) by contract status. */
export const facilityPopulation: PopulationSpec = {
  table: facilities,
  id: facilities.id,
  entity: 'facility',
  noun: 'Facility',
  view: 'facilities:view',
  kinds: FACILITY_RULE_FIELDS,
  load: async () => () => ({
    contractStatus: sql`${facilities.contractStatus}`,
    name: sql`${facilities.name}`,
    createdAt: sql`${facilities.createdAt}`,
  }),
  visible: (tenant) => tenant.facilityFilter(facilities.id),
  atLocations: (facilityIds) => (facilityIds.length ? inArray(facilities.id, [...facilityIds]) : undefined),
  mergeValues: async (tenant, id) => {
    const [row] = await tenant
      .selectFields(
        { name: facilities.name, phone: facilities.phone, administratorName: facilities.administratorName },
        facilities,
        eq(facilities.id, id),
      )
      .limit(1);
    const org = await tenant.organization();
    return {
      'practice.name': org.name,
      'recipient.firstName': row?.administratorName?.split(/\s+/)[0] ?? null,
      'location.name': row?.name ?? null,
      'location.phone': row?.phone ?? null,
    };
  },
};
