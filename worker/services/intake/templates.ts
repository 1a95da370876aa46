import { and, desc, eq, inArray, isNotNull, isNull, max, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { intakeTemplates, intakeTemplateVersions } from '../../../db/schema';
import { starterDefinition } from '../../../shared/intake/blocks';
import type { FormDefinition } from '../../../shared/intake/definition';
import type {
  intakeTemplateCreateSchema,
  intakeTemplateUpdateSchema,
} from '../../../shared/schemas/intake-api';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

type TemplateRow = typeof intakeTemplates.$inferSelect;
type VersionRow = typeof intakeTemplateVersions.$inferSelect;

export const templateNameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Two definitions are the same form when their JSON is, key order aside. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameDefinition = (a: FormDefinition, b: FormDefinition) => canonical(a) === canonical(b);

/** The newest published version of each template given, by template id. */
export async function latestVersions(tenant: TenantDb, templateIds: string[]) {
  const out = new Map<string, VersionRow>();
  if (!templateIds.length) return out;
  const newest = tenant
    .selectFields(
      {
        templateId: intakeTemplateVersions.templateId,
        version: max(intakeTemplateVersions.version).as('newest_version'),
      },
      intakeTemplateVersions,
      inArray(intakeTemplateVersions.templateId, templateIds),
    )
    .groupBy(intakeTemplateVersions.templateId)
    .as('newest');
  const rows = await tenant.join({ version: intakeTemplateVersions }, intakeTemplateVersions, [
    {
      table: newest,
      on: and(
        eq(newest.templateId, intakeTemplateVersions.templateId),
        eq(newest.version, intakeTemplateVersions.version),
      ) as SQL,
    },
  ]);
  for (const { version } of rows) out.set(version.templateId, version);
  return out;
}

export async function latestVersion(tenant: TenantDb, templateId: string) {
  return (await latestVersions(tenant, [templateId])).get(templateId) ?? null;
}

function toSummary(row: TemplateRow, latest: VersionRow | null | undefined) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    latestVersion: latest
      ? { id: latest.id, version: latest.version, publishedAt: latest.publishedAt }
      : null,
    hasUnpublishedChanges: !latest || !sameDefinition(row.definition, latest.definition),
    archivedAt: row.archivedAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const toTemplate = (row: TemplateRow, latest: VersionRow | null) => ({
  ...toSummary(row, latest),
  definition: row.definition,
});

const toVersion = (v: VersionRow) => ({
  id: v.id,
  templateId: v.templateId,
  version: v.version,
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt,
});

export async function listTemplates(
  tenant: TenantDb,
  query: { archived: 'true' | 'false'; limit: number; cursor?: string },
) {
  const rows = await tenant
    .select(
      intakeTemplates,
      and(
        query.archived === 'true'
          ? isNotNull(intakeTemplates.archivedAt)
          : isNull(intakeTemplates.archivedAt),
        afterCursor(intakeTemplates.createdAt, intakeTemplates.id, decodeCursor(query.cursor)),
      ),
    )
    .orderBy(desc(intakeTemplates.createdAt), desc(intakeTemplates.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit);
  const latest = await latestVersions(
    tenant,
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => toSummary(r, latest.get(r.id))), nextCursor: page.nextCursor };
}

async function assertNameFree(tenant: TenantDb, name: string, exceptId?: string) {
  const [clash] = await tenant.select(
    intakeTemplates,
    and(
      eq(intakeTemplates.nameKey, templateNameKey(name)),
      isNull(intakeTemplates.archivedAt),
      exceptId ? ne(intakeTemplates.id, exceptId) : undefined,
    ),
  );
  if (clash)
    throw new AppError('conflict', `A form named "${clash.name}" already exists`, [
      { path: 'name', issue: clash.id },
    ]);
}

export async function createTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  input: z.infer<typeof intakeTemplateCreateSchema>,
) {
  await assertNameFree(tenant, input.name);
  const id = newId('itp');
  const now = iso();
  try {
    await tenant.batch([
      tenant.insert(intakeTemplates, {
        id,
        name: input.name,
        nameKey: templateNameKey(input.name),
        description: input.description ?? null,
        definition: (input.definition as FormDefinition | undefined) ?? starterDefinition(),
        createdBy: userId,
        createdAt: now,
        updatedAt: now,
      }),
      audit.statement({
        action: 'create',
        entityType: 'intake_template',
        entityId: id,
        detail: { starter: !input.definition },
      }),
    ]);
  } catch (e) {
    // Two creates with one name at once: the unique index lets one through.
    await assertNameFree(tenant, input.name);
    throw e;
  }
  return getTemplate(tenant, id);
}

export async function getTemplate(tenant: TenantDb, id: string) {
  const row = await tenant.get(intakeTemplates, id, 'Intake template');
  return toTemplate(row, await latestVersion(tenant, id));
}

async function liveTemplate(tenant: TenantDb, id: string) {
  const row = await tenant.get(intakeTemplates, id, 'Intake template');
  if (row.archivedAt) throw new AppError('conflict', `"${row.name}" is archived`);
  return row;
}

/** Edits the draft; published versions never change. */
export async function updateTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  change: z.infer<typeof intakeTemplateUpdateSchema>,
) {
  await liveTemplate(tenant, id);
  if (change.name !== undefined) await assertNameFree(tenant, change.name, id);
  await tenant.batch([
    tenant.update(
      intakeTemplates,
      {
        ...(change.name !== undefined ? { name: change.name, nameKey: templateNameKey(change.name) } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.definition ? { definition: change.definition as FormDefinition } : {}),
        updatedAt: iso(),
      },
      eq(intakeTemplates.id, id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'intake_template',
      entityId: id,
      detail: { changed: Object.keys(change) },
    }),
  ]);
  return getTemplate(tenant, id);
}

/**
 * Freezes the draft as the next version. Nothing changed since the latest
 * version is a 409; two publishes at once cannot both take a number (unique
 * template and version).
 */
export async function publishTemplate(tenant: TenantDb, audit: AuditLog, userId: string, id: string) {
  const row = await liveTemplate(tenant, id);
  const latest = await latestVersion(tenant, id);
  if (latest && sameDefinition(row.definition, latest.definition))
    throw new AppError(
      'conflict',
      `Nothing has changed since version ${latest.version}; edit the form before publishing`,
    );
  const versionId = newId('itv');
  const version = (latest?.version ?? 0) + 1;
  try {
    await tenant.batch([
      tenant.insert(intakeTemplateVersions, {
        id: versionId,
        templateId: id,
        version,
        definition: row.definition,
        publishedBy: userId,
        publishedAt: iso(),
      }),
      audit.statement({
        action: 'create',
        entityType: 'intake_template_version',
        entityId: versionId,
        detail: { templateId: id, version },
      }),
    ]);
  } catch (e) {
    if (String(e).includes('UNIQUE'))
      throw new AppError('conflict', 'Someone published this form at the same moment; reload and try again');
    throw e;
  }
  return toVersion(await tenant.get(intakeTemplateVersions, versionId, 'Version'));
}

export async function listVersions(tenant: TenantDb, templateId: string) {
  await tenant.get(intakeTemplates, templateId, 'Intake template');
  const rows = await tenant
    .select(intakeTemplateVersions, eq(intakeTemplateVersions.templateId, templateId))
    .orderBy(desc(intakeTemplateVersions.version));
  return rows.map(toVersion);
}

export async function getVersion(tenant: TenantDb, templateId: string, version: number) {
  const [row] = await tenant.select(
    intakeTemplateVersions,
    and(eq(intakeTemplateVersions.templateId, templateId), eq(intakeTemplateVersions.version, version)),
  );
  if (!row) throw notFound('Version');
  return { ...toVersion(row), definition: row.definition };
}

/** No new requests from an archived template; links already sent keep working. */
export async function archiveTemplate(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await tenant.get(intakeTemplates, id, 'Intake template');
  if (row.archivedAt) throw new AppError('conflict', `"${row.name}" is already archived`);
  const now = iso();
  await tenant.batch([
    tenant.update(intakeTemplates, { archivedAt: now, updatedAt: now }, eq(intakeTemplates.id, id)),
    audit.statement({
      action: 'update',
      entityType: 'intake_template',
      entityId: id,
      detail: { archived: true },
    }),
  ]);
  return getTemplate(tenant, id);
}
