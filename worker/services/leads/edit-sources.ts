import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { leadSources } from '../../../db/schema';
import {
  MAX_LEAD_SOURCES,
  type sourceCreateSchema,
  type sourceUpdateSchema,
} from '../../../shared/schemas/pipeline';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { listSources } from './pipeline';
import { assertNameFree, batchOrClash, tidy, toSource } from './pipeline-settings';

export async function createSource(
  tenant: TenantDb,
  audit: AuditLog,
  input: z.infer<typeof sourceCreateSchema>,
) {
  // Listing first also creates the default sources, so adding one never hides them.
  const sources = await listSources(tenant);
  if (sources.length >= MAX_LEAD_SOURCES)
    throw new AppError('conflict', `An organisation can have at most ${MAX_LEAD_SOURCES} lead sources`);
  const name = tidy(input.name);
  assertNameFree(sources, name, 'lead source');
  const id = newId('src');
  await batchOrClash(
    () =>
      tenant.batch([
        tenant.insert(leadSources, { id, name, channel: input.channel, active: true, createdAt: iso() }),
        audit.statement({
          action: 'create',
          entityType: 'lead_source',
          entityId: id,
          detail: { name, channel: input.channel },
        }),
      ]),
    'lead source',
  );
  return toSource(await tenant.get(leadSources, id, 'Lead source'));
}

/** Renames a source or turns it off or on again; turned-off sources keep their name on past leads. */
export async function updateSource(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: z.infer<typeof sourceUpdateSchema>,
) {
  const source = await tenant.get(leadSources, id, 'Lead source');
  const name = input.name === undefined ? undefined : tidy(input.name);
  if (name !== undefined) assertNameFree(await listSources(tenant), name, 'lead source', id);
  const change = {
    ...(name !== undefined && name !== source.name ? { name } : {}),
    ...(input.active !== undefined && input.active !== source.active ? { active: input.active } : {}),
  };
  if (!Object.keys(change).length) return toSource(source);
  await batchOrClash(
    () =>
      tenant.batch([
        tenant.update(leadSources, change, eq(leadSources.id, id)),
        audit.statement({
          action: 'update',
          entityType: 'lead_source',
          entityId: id,
          detail: {
            ...(change.name ? { name: { from: source.name, to: change.name } } : {}),
            ...(change.active !== undefined ? { active: change.active } : {}),
          },
        }),
      ]),
    'lead source',
  );
  return toSource(await tenant.get(leadSources, id, 'Lead source'));
}
