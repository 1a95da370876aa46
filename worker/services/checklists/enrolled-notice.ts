import { inArray } from 'drizzle-orm';
import { facilities } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { queueTenantEmail } from '../email/outbox';

/**
 * "Now enrolled" emails to each facility's administrator, one per facility
 * whatever the number of residents (no patient details in the message), for
 * the batch that makes them active.
 */
export async function enrolledNoticeStatements(tenant: TenantDb, facilityIds: string[]) {
  if (!facilityIds.length) return [];
  const counts = new Map<string, number>();
  for (const id of facilityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rows = await tenant.select(facilities, inArray(facilities.id, [...counts.keys()]));
  return rows
    .filter((f) => f.administratorEmail)
    .map((f) => {
      const n = counts.get(f.id) ?? 0;
      const who = n === 1 ? 'A resident' : `${n} residents`;
      return queueTenantEmail(tenant, {
        to: f.administratorEmail!,
        subject: `${who} of ${f.name} ${n === 1 ? 'is' : 'are'} now enrolled`,
        text: `${who} of ${f.name} ${n === 1 ? 'has' : 'have'} completed enrollment and ${n === 1 ? 'is' : 'are'} now active.\n\nOpen Sidecar CRM to see who and what comes next.`,
      }).statement;
    });
}
