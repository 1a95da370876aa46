import { inArray } from 'drizzle-orm';
import { facilities } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { queueNotice } from '../email/notice-digest';

/**
 * "Now enrolled" notices to each facility's administrator, one line per
 * facility whatever the number of residents (no patient details), for the
 * batch that makes them active. They go out in the recipient's next digest
 * (`services/email/notice-digest.ts`), not one email each.
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
      return queueNotice(tenant, {
        to: f.administratorEmail!,
        kind: 'enrolled',
        line: `${who} of ${f.name} ${n === 1 ? 'is' : 'are'} now enrolled`,
      });
    });
}
