import { asc, eq, sql } from 'drizzle-orm';
import { bookingSyncs, facilities } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

type Counts = { cases: number; appointments: number };

/** Statements recording that these locations synced now, for the batch that writes the rows. */
export function syncStatements(tenant: TenantDb, via: 'api' | 'import', perFacility: Map<string, Counts>) {
  const now = iso();
  return [...perFacility].map(([facilityId, counts]) =>
    tenant
      .insert(bookingSyncs, { id: newId('bsy'), facilityId, via, ...counts, syncedAt: now })
      .onConflictDoUpdate({
        target: [bookingSyncs.organizationId, bookingSyncs.facilityId],
        set: { via, cases: counts.cases, appointments: counts.appointments, syncedAt: now },
      }),
  );
}

/** Items per facility, for `syncStatements`. */
export function countByFacility(
  items: readonly { facilityId: string }[],
  kind: keyof Counts,
  into = new Map<string, Counts>(),
) {
  for (const item of items) {
    const counts = into.get(item.facilityId) ?? { cases: 0, appointments: 0 };
    counts[kind]++;
    into.set(item.facilityId, counts);
  }
  return into;
}

/** When each visible location last synced. */
export async function listBookingSyncs(tenant: TenantDb) {
  const rows = await tenant
    .join(
      {
        facilityId: bookingSyncs.facilityId,
        facilityName: facilities.name,
        via: sql<'api' | 'import'>`${bookingSyncs.via}`,
        cases: bookingSyncs.cases,
        appointments: bookingSyncs.appointments,
        syncedAt: bookingSyncs.syncedAt,
      },
      bookingSyncs,
      [{ table: facilities, on: eq(facilities.id, bookingSyncs.facilityId) }],
      tenant.facilityFilter(bookingSyncs.facilityId),
    )
    .orderBy(asc(facilities.name));
  return { items: rows };
}
