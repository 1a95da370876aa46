import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { d1Database } from '../../db/client';
import { scaleOrgs, scaleSeedSql } from '../../scripts/scale-seed';
import { AuditLog } from '../../worker/lib/audit-log';
import { TenantDb } from '../../worker/lib/tenant-db';
import { leadAnalytics } from '../../worker/services/leads/lead-analytics';
import { seed } from './helpers';

const [org] = scaleOrgs(1500, 0);
const tenant = new TenantDb(d1Database(env.DB), org!.id);
const audit = new AuditLog(d1Database(env.DB), { ip: null, userAgent: null, requestId: 'lead-day-counts' });

type Lead = { created_at: string; stage_id: string; source_id: string | null; coordinator_id: string | null };

/** The same figures recounted from every lead of the period, the way the analytics used to. */
async function recount(period: { from: string; to: string }) {
  const { results } = await env.DB.prepare(
    'SELECT created_at, stage_id, source_id, coordinator_id FROM leads WHERE organization_id = ? AND created_at >= ? AND created_at < ? AND merged_into IS NULL',
  )
    .bind(org!.id, period.from, period.to)
    .all<Lead>();
  const by = (key: (l: Lead) => string | null) => {
    const counts = new Map<string | null, number>();
    for (const l of results) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
    return counts;
  };
  return { total: results.length, stages: by((l) => l.stage_id), sources: by((l) => l.source_id) };
}

describe('lead analytics from the per-day counts', () => {
  beforeAll(async () => {
    await seed();
    const statements = scaleSeedSql([org!])
      .split(/;\n/)
      .filter((s) => s.trim());
    await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
  });

  it.each([
    ['a year, from mid-day to mid-day', 365 * 86_400_000, 0],
    ['ninety days ending at midnight', 90 * 86_400_000, 1],
    ['part of one day', 3 * 3_600_000, 0],
  ])('equals a recount of the leads: %s', async (_name, span, roundTo) => {
    // The generated leads are one every five minutes back from now: about five days of them.
    let to = Date.now() + 4_321_000;
    if (roundTo) to = Math.floor(to / 86_400_000) * 86_400_000;
    const period = { from: new Date(to - span).toISOString(), to: new Date(to).toISOString() };
    const check = async () => {
      const answer = await leadAnalytics(tenant, audit, period);
      const expected = await recount(period);
      expect(expected.total).toBeGreaterThan(0);
      expect(answer.totals.leads).toBe(expected.total);
      for (const f of answer.funnel) expect(f.leads).toBe(expected.stages.get(f.stageId) ?? 0);
      for (const s of answer.bySource) expect(s.leads).toBe(expected.sources.get(s.sourceId));
      expect(answer.newLeads.reduce((n, w) => n + w.leads, 0)).toBe(expected.total);
    };
    await check();
    // Moves, sources, merges and deletions reach the counts through the triggers.
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE leads SET stage_id = 'stg_scale_${org!.tag}_4' WHERE id LIKE 'lea_scale_%' AND rowid % 7 = 0`,
      ),
      env.DB.prepare(`UPDATE leads SET source_id = NULL WHERE id LIKE 'lea_scale_%' AND rowid % 11 = 0`),
      env.DB.prepare(
        `UPDATE leads SET merged_into = 'lea_scale_kept' WHERE id LIKE 'lea_scale_%' AND rowid % 5 = 0 AND merged_into IS NULL`,
      ),
      env.DB.prepare(`DELETE FROM leads WHERE id LIKE 'lea_scale_%' AND rowid % 13 = 0`),
    ]);
    await check();
  });
});
