import { eq } from 'drizzle-orm';
import { leads, patients } from '../../../../db/schema';
import type { TenantDb } from '../../../lib/tenant-db';
import type { MergeValues } from '../merge-values';

/**
 * The merge values of the person a subject is about (a patient, else a lead):
 * first names and the guardian's name only (minimum necessary), with the practice's name.
 */
export async function personMergeValues(
  tenant: TenantDb,
  who: { patientId?: string | null; leadId?: string | null },
): Promise<MergeValues> {
  const org = await tenant.organization();
  const values: MergeValues = { 'practice.name': org.name };
  if (who.patientId) {
    const [p] = await tenant
      .selectFields(
        { firstName: patients.firstName, guardian: patients.emergencyContactName },
        patients,
        eq(patients.id, who.patientId),
      )
      .limit(1);
    if (p)
      return {
        ...values,
        'recipient.firstName': p.firstName,
        'patient.firstName': p.firstName,
        'guardian.name': p.guardian,
      };
  }
  if (who.leadId) {
    const [l] = await tenant
      .selectFields(
        { firstName: leads.firstName, responsibleParty: leads.responsibleParty },
        leads,
        eq(leads.id, who.leadId),
      )
      .limit(1);
    if (l)
      return {
        ...values,
        'recipient.firstName': l.firstName,
        'lead.firstName': l.firstName,
        'guardian.name': l.responsibleParty?.name ?? null,
      };
  }
  return values;
}
