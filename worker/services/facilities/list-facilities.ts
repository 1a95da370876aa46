import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { facilities } from '../../../db/schema';
import type { facilityListQuerySchema } from '../../../shared/schemas/facilities';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import { contains } from '../../lib/like-pattern';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { facilitiesView } from './facility-view';

const FEATURE_COLUMNS = {
  ordering: facilities.featureOrdering,
  emar: facilities.featureEmar,
  bubblePack: facilities.featureBubblePack,
  notes: facilities.featureNotes,
  tasks: facilities.featureTasks,
};

/** Search by name, filter by contract status and feature, sort by name or creation, in cursor pages. */
export async function listFacilities(
  tenant: TenantDb,
  _auth: AuthContext,
  query: z.infer<typeof facilityListQuerySchema>,
) {
  const byName = query.sort === 'name' || query.sort === '-name';
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const keyColumn = byName ? facilities.nameKey : facilities.createdAt;
  const order = direction === 'desc' ? desc : asc;
  const rows = await tenant
    .select(
      facilities,
      and(
        tenant.facilityFilter(facilities.id),
        query.q ? contains(facilities.nameKey, query.q.toLowerCase()) : undefined,
        query.contractStatus ? eq(facilities.contractStatus, query.contractStatus) : undefined,
        query.feature ? eq(FEATURE_COLUMNS[query.feature], true) : undefined,
        afterCursor(keyColumn, facilities.id, decodeCursor(query.cursor), direction),
      ),
    )
    .orderBy(order(keyColumn), order(facilities.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => (byName ? r.nameKey : r.createdAt));
  return { items: await facilitiesView(tenant, page.items), nextCursor: page.nextCursor };
}
