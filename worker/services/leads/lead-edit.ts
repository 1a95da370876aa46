import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { leadSources, leads } from '../../../db/schema';
import { nameKey } from '../../../shared/roster/names';
import type { leadUpdateSchema } from '../../../shared/schemas/leads';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { assertResponsibleParty, toLead } from './leads';
import { phoneKey } from './phone-key';

/**
 * Corrects a lead's details. `null` clears an optional field; the match keys
 * follow the new name and phone so duplicate checks stay right. The audit
 * event names the fields changed, not their values.
 */
export async function updateLead(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  change: z.infer<typeof leadUpdateSchema>,
) {
  const lead = await tenant.get(leads, id, 'Lead');
  if (lead.mergedInto)
    throw new AppError('conflict', 'This lead was merged; change the lead it was merged into');
  if (change.sourceId) {
    const [source] = await tenant.select(leadSources, eq(leadSources.id, change.sourceId));
    if (!source)
      throw new AppError('validation_failed', 'Unknown lead source', [
        { path: 'sourceId', issue: 'unknown source' },
      ]);
  }
  const next = { ...lead, ...change };
  if (!next.email && !next.phone)
    throw new AppError('validation_failed', 'Give an email address or a phone number', [
      { path: 'email', issue: 'email or phone required' },
    ]);
  assertResponsibleParty(next, next.responsibleParty);
  await tenant.batch([
    tenant.update(
      leads,
      {
        ...change,
        nameKey: nameKey(next.firstName, next.lastName),
        phoneKey: phoneKey(next.phone),
        updatedAt: iso(),
      },
      eq(leads.id, id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'lead',
      entityId: id,
      detail: { changed: Object.keys(change) },
    }),
  ]);
  return toLead(await tenant.get(leads, id, 'Lead'));
}
