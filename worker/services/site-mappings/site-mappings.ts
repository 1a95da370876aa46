import { asc, eq } from 'drizzle-orm';
import { siteMappings } from '../../../db/schema';
import {
  SITE_MAPPING_FIELDS,
  type SiteMapping,
  type SiteMappingRead,
  type TaughtSite,
} from '../../../shared/schemas/site-mappings';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { memberNames } from '../members/member-names';

const toMapping = (row: typeof siteMappings.$inferSelect): SiteMapping => ({
  id: row.id,
  host: row.host,
  read: row.read,
  updatedAt: row.updatedAt,
});

/** The organisation's mapping for a host, or null: the panel asks before reading a page there. */
export async function siteMappingFor(tenant: TenantDb, host: string): Promise<SiteMapping | null> {
  const [row] = await tenant.select(siteMappings, eq(siteMappings.host, host)).limit(1);
  return row ? toMapping(row) : null;
}

/**
 * Keeps what a person taught for a host, replacing what was taught before (one
 * mapping per organisation and host, so two people teaching at once leave the
 * later one, whole). The audit event names the fields pointed at.
 */
export async function saveSiteMapping(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  input: { host: string; read: SiteMappingRead },
): Promise<SiteMapping> {
  const now = iso();
  const read = Object.fromEntries(Object.entries(input.read).filter(([, v]) => v)) as Record<string, string>;
  const before = await siteMappingFor(tenant, input.host);
  const id = before?.id ?? newId('map');
  await tenant.batch([
    tenant
      .insert(siteMappings, { id, host: input.host, read, updatedBy: userId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [siteMappings.organizationId, siteMappings.host],
        set: { read, updatedBy: userId, updatedAt: now },
      }),
    audit.statement({
      action: before ? 'update' : 'create',
      entityType: 'site_mapping',
      entityId: id,
      detail: { host: input.host, fields: Object.keys(read) },
    }),
  ]);
  return (await siteMappingFor(tenant, input.host)) ?? { id, host: input.host, read, updatedAt: now };
}

/** Forgets a host's mapping; another organisation's id is as missing as an unknown one. */
export async function deleteSiteMapping(tenant: TenantDb, audit: AuditLog, id: string): Promise<void> {
  const row = await tenant.get(siteMappings, id, 'Site mapping');
  await tenant.batch([
    tenant.delete(siteMappings, eq(siteMappings.id, id)),
    audit.statement({
      action: 'delete',
      entityType: 'site_mapping',
      entityId: id,
      detail: { host: row.host },
    }),
  ]);
}

/**
 * The organisation's taught sites by host, a page at a time (the unique
 * organisation-and-host index serves the order): which values each reads and
 * who taught it last. Selectors only, never anything read from a page.
 */
export async function listTaughtSites(
  tenant: TenantDb,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: TaughtSite[]; nextCursor: string | null }> {
  const rows = await tenant
    .select(siteMappings, afterCursor(siteMappings.host, siteMappings.id, decodeCursor(query.cursor), 'asc'))
    .orderBy(asc(siteMappings.host), asc(siteMappings.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => r.host);
  const names = await memberNames(
    tenant,
    page.items.map((r) => r.updatedBy),
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      host: r.host,
      fields: SITE_MAPPING_FIELDS.filter((f) => r.read[f]),
      taughtBy: { userId: r.updatedBy, name: names.get(r.updatedBy) ?? null },
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    nextCursor: page.nextCursor,
  };
}
