import { eq, inArray } from 'drizzle-orm';
import { memberships, users } from '../../../db/schema';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * People are named by name, not id: the members of this organisation among
 * `userIds` (someone no longer a member, or of another organisation, is left out).
 */
export async function memberNames(tenant: TenantDb, userIds: (string | null)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  for (const part of inListChunks(ids)) {
    const rows = await tenant.join(
      { userId: users.id, name: users.name },
      memberships,
      [{ table: users, on: eq(users.id, memberships.userId) }],
      inArray(memberships.userId, part),
    );
    for (const r of rows) names.set(r.userId, r.name);
  }
  return names;
}
