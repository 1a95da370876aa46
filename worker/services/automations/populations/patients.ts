import { eq, inArray, sql } from 'drizzle-orm';
import { facilities, patientChecklistItems, patients } from '../../../../db/schema';
import { CHECKLIST_OVERDUE_DAYS, PATIENT_RULE_FIELDS } from '../../../../shared/automation/populations';
import { DAY, iso } from '../../../lib/time';
import { personMergeValues } from './person-values';
import type { PopulationSpec } from './types';

/** Required checklist items of the patient not done (and not dropped), from the patient's checklist index. */
const openItems = (extra = sql``) =>
  sql<number>`(SELECT count(*) FROM ${patientChecklistItems} WHERE ${patientChecklistItems.patientId} = ${patients.id}
    AND ${patientChecklistItems.required} = 1 AND ${patientChecklistItems.doneAt} IS NULL
    AND ${patientChecklistItems.removedAt} IS NULL${extra})`;

/** Patients by enrollment status and checklist, at the rule's locations. */
export const patientPopulation: PopulationSpec = {
  table: patients,
  id: patients.id,
  entity: 'patient',
  noun: 'Patient',
  view: 'patients:view',
  kinds: PATIENT_RULE_FIELDS,
  load: async () => (now) => ({
    enrollmentStatus: sql`${patients.enrollmentStatus}`,
    openChecklistItems: openItems(),
    // An item is set when the checklist is copied or the item changes: open that long, it is overdue.
    overdueChecklistItems: openItems(
      sql` AND ${patientChecklistItems.updatedAt} < ${iso(Date.parse(now) - CHECKLIST_OVERDUE_DAYS * DAY)}`,
    ),
    createdAt: sql`${patients.createdAt}`,
  }),
  visible: (tenant) => tenant.facilityFilter(patients.facilityId),
  atLocations: (facilityIds) =>
    facilityIds.length ? inArray(patients.facilityId, [...facilityIds]) : undefined,
  mergeValues: async (tenant, id) => {
    const [row] = await tenant
      .join(
        { name: facilities.name, phone: facilities.phone },
        patients,
        [{ table: facilities, on: eq(facilities.id, patients.facilityId) }],
        eq(patients.id, id),
      )
      .limit(1);
    return {
      ...(await personMergeValues(tenant, { patientId: id })),
      'location.name': row?.name ?? null,
      'location.phone': row?.phone ?? null,
    };
  },
};
