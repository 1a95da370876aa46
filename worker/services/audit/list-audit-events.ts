import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { auditEvents, memberships, users } from '../../../db/schema';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import { chunk, IN_LIST_MAX } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';

type Query = {
  limit: number;
  cursor?: string;
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  action?: AuditEvent['action'];
  from?: string;
  to?: string;
};

/** Newest first, within the caller's organisation only. Reading the trail is itself audited. */
export async function listAuditEvents(tenant: TenantDb, query: Query) {
  const cursor = decodeCursor(query.cursor);
  const rows = await tenant
    .select(
      auditEvents as typeof auditEvents & { organizationId: typeof auditEvents.organizationId },
      and(
        query.actorUserId ? eq(auditEvents.actorUserId, query.actorUserId) : undefined,
        query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
        query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
        query.action ? eq(auditEvents.action, query.action) : undefined,
        query.from ? gte(auditEvents.createdAt, new Date(query.from).toISOString()) : undefined,
        query.to ? lte(auditEvents.createdAt, new Date(query.to).toISOString()) : undefined,
        afterCursor(auditEvents.createdAt, auditEvents.id, cursor),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows as Omit<AuditEvent, 'actorName'>[], query.limit);
  const names = await actorNames(tenant, page.items);
  return {
    items: page.items.map((e) => ({ ...e, actorName: (e.actorUserId && names.get(e.actorUserId)) || null })),
    nextCursor: page.nextCursor,
  };
}

/** People are named by name, not id: the members of this organisation among a page's actors. */
async function actorNames(tenant: TenantDb, events: { actorUserId: string | null }[]) {
  const ids = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  if (!ids.length) return new Map<string, string>();
  const rows = [];
  for (const part of chunk(ids, IN_LIST_MAX))
    rows.push(
      ...(await tenant.join(
        { userId: users.id, name: users.name },
        memberships,
        [{ table: users, on: eq(users.id, memberships.userId) }],
        inArray(memberships.userId, part),
      )),
    );
  return new Map(rows.map((r) => [r.userId, r.name]));
}
