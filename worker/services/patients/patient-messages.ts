import { desc, eq } from 'drizzle-orm';
import { patientMessages } from '../../../db/schema';
import { PATIENT_MESSAGES_SHOWN, type PatientMessages } from '../../../shared/schemas/patients';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { visiblePatient } from './patient-access';

/** The texts a patient the caller can see sent from their own number, newest first; the read is audited. */
export async function listPatientMessages(
  tenant: TenantDb,
  audit: AuditLog,
  patientId: string,
): Promise<PatientMessages> {
  await visiblePatient(tenant, patientId);
  const rows = await tenant
    .selectFields(
      {
        id: patientMessages.id,
        channel: patientMessages.channel,
        direction: patientMessages.direction,
        text: patientMessages.text,
        createdAt: patientMessages.createdAt,
      },
      patientMessages,
      eq(patientMessages.patientId, patientId),
    )
    .orderBy(desc(patientMessages.createdAt), desc(patientMessages.id))
    .limit(PATIENT_MESSAGES_SHOWN + 1);
  audit.record({ action: 'read', entityType: 'patient', entityId: patientId, detail: { for: 'messages' } });
  return {
    items: rows.slice(0, PATIENT_MESSAGES_SHOWN).map((r) => ({
      ...r,
      channel: r.channel as 'sms',
      direction: r.direction as 'inbound',
    })),
    more: rows.length > PATIENT_MESSAGES_SHOWN,
  };
}
