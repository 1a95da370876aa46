import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema';
import type { AuditEvent } from '../../../shared/schemas/audit';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { memberNames } from '../members/member-names';

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
  const names = await memberNames(
    tenant,
    page.items.map((e) => e.actorUserId),
  );
  return {
    items: page.items.map((e) => ({ ...e, actorName: (e.actorUserId && names.get(e.actorUserId)) || null })),
    nextCursor: page.nextCursor,
  };
}
