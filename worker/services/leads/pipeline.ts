import { asc } from 'drizzle-orm';
import { leadSources, pipelineStages } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

/** Where inquiries come from (spec 001, 8.1); organisations add their own. */
const DEFAULT_SOURCES: [name: string, channel: string][] = [
  ['Web form', 'web_form'],
  ['Phone call', 'phone'],
  ['Walk-in', 'walk_in'],
  ['Referral', 'referral'],
  ['Email', 'email'],
  ['Web page', 'web_page'],
];

/** The treatment coordinator journey of spec 001 as a starting pipeline. */
const DEFAULT_STAGES: [name: string, outcome: 'open' | 'won' | 'lost'][] = [
  ['New inquiry', 'open'],
  ['Contacted', 'open'],
  ['Consultation scheduled', 'open'],
  ['Treatment presented', 'open'],
  ['Started treatment', 'won'],
  ['Not proceeding', 'lost'],
];

/** Sources, created from the default the first time an organisation needs them. */
export async function listSources(tenant: TenantDb) {
  let rows = await tenant.select(leadSources).orderBy(asc(leadSources.createdAt), asc(leadSources.name));
  if (!rows.length) {
    const now = iso();
    await tenant.batch(
      tenant
        .insertMany(
          leadSources,
          DEFAULT_SOURCES.map(([name, channel]) => ({ id: newId('src'), name, channel, createdAt: now })),
        )
        .map((s) => s.onConflictDoNothing()),
    );
    rows = await tenant.select(leadSources).orderBy(asc(leadSources.createdAt), asc(leadSources.name));
  }
  return rows;
}

/** Stages in order, created from the default the first time. */
export async function listStages(tenant: TenantDb) {
  let rows = await tenant.select(pipelineStages).orderBy(asc(pipelineStages.sortOrder));
  if (!rows.length) {
    const now = iso();
    await tenant.batch(
      tenant
        .insertMany(
          pipelineStages,
          DEFAULT_STAGES.map(([name, outcome], i) => ({
            id: newId('stg'),
            name,
            outcome,
            sortOrder: i,
            createdAt: now,
          })),
        )
        .map((s) => s.onConflictDoNothing()),
    );
    rows = await tenant.select(pipelineStages).orderBy(asc(pipelineStages.sortOrder));
  }
  return rows;
}
