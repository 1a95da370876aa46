import { desc, eq } from 'drizzle-orm';
import { recordsDisclosures, type recordsRequests } from '../../../db/schema';
import type { Disclosure, DisclosureList } from '../../../shared/schemas/records-disclosures';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { visiblePatient } from '../patients/patient-access';

type RequestRow = typeof recordsRequests.$inferSelect;

/** The accounting entry of a release, for the release's own batch (none for a lead, who has no record yet). */
export function disclosureStatement(
  tenant: TenantDb,
  request: RequestRow,
  release: { recipientAddress: string | null; files: string[]; method: string; by: string; at: string },
) {
  if (!request.patientId) return [];
  const range =
    request.dateFrom || request.dateTo ? ` (${request.dateFrom ?? '…'} to ${request.dateTo ?? '…'})` : '';
  const files = release.files.length ? `: ${release.files.join(', ')}` : '';
  return [
    tenant.insert(recordsDisclosures, {
      id: newId('rds'),
      patientId: request.patientId,
      requestId: request.id,
      releasedAt: release.at,
      recipientName: request.partyName,
      recipientOrganization: request.partyOrganization,
      recipientAddress: release.recipientAddress,
      description: `${request.recordTypes.join(', ')}${range}${files}`,
      purpose: request.purpose,
      method: release.method,
      toPatient: request.requesterKind === 'patient',
      releasedBy: release.by,
      createdAt: iso(),
    }),
  ];
}

/** Where a release by mail, fax, email or pick-up went, as the request records it. */
export function manualRecipient(request: RequestRow): string | null {
  switch (request.deliveryMethod) {
    case 'mail':
      return (
        [request.partyAddress, request.trackingNumber ? `tracking ${request.trackingNumber}` : null]
          .filter(Boolean)
          .join(', ') || null
      );
    case 'fax':
      return request.faxNumber ?? request.partyFax;
    case 'email':
      return request.partyEmail;
    default:
      return null;
  }
}

/** A patient's accounting of disclosures, newest first; reading it is audited. */
export async function patientDisclosures(
  tenant: TenantDb,
  audit: AuditLog,
  patientId: string,
  exportFormat?: 'csv' | 'pdf',
): Promise<DisclosureList> {
  const patient = await visiblePatient(tenant, patientId);
  const rows = await tenant
    .select(recordsDisclosures, eq(recordsDisclosures.patientId, patientId))
    .orderBy(desc(recordsDisclosures.releasedAt), desc(recordsDisclosures.id));
  audit.record({
    action: exportFormat ? 'export' : 'read',
    entityType: 'records_disclosures',
    entityId: patientId,
    detail: { patientId, count: rows.length, ...(exportFormat ? { format: exportFormat } : {}) },
  });
  return {
    patientId,
    patientName: `${patient.firstName} ${patient.lastName}`,
    items: rows.map(
      (r): Disclosure => ({
        id: r.id,
        requestId: r.requestId,
        releasedAt: r.releasedAt,
        recipientName: r.recipientName,
        recipientOrganization: r.recipientOrganization,
        recipientAddress: r.recipientAddress,
        description: r.description,
        purpose: r.purpose,
        method: r.method,
        toPatient: r.toPatient,
      }),
    ),
  };
}
