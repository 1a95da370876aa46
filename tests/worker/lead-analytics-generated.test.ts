import { describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';

/** A small seeded generator, so the data set is the same on every run. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((s / 2_147_483_648) * n);
  };
}

type Stage = { id: string; name: string; outcome: 'open' | 'won' | 'lost' };
type Source = { id: string; name: string };

describe('lead analytics on a generated data set', () => {
  it('matches figures computed independently from the same leads', async () => {
    // The other organisation, in a test file of its own: no other leads in the period.
    const admin = await loginAs('clinic_admin', 'other');
    const pick = random(20261123);
    const stages: Stage[] = (await api('/api/v1/pipeline-stages', { token: admin })).json.items;
    const sources: Source[] = (await api('/api/v1/lead-sources', { token: admin })).json.items.slice(0, 3);
    const coordinators = [null, 'mem_other_clinic_admin'];
    const from = new Date(Date.now() - 1000).toISOString();

    const made: { source: Source | null; coordinator: string | null; stage: Stage }[] = [];
    for (let i = 0; i < 48; i++) {
      const source = pick(4) === 3 ? null : sources[pick(sources.length)]!;
      const coordinator = coordinators[pick(2)]!;
      const stage = stages[pick(stages.length)]!;
      const res = await api('/api/v1/leads', {
        token: admin,
        body: {
          firstName: `Gen${i}`,
          lastName: 'Erated',
          phone: `303-555-${String(1000 + i)}`,
          ...(source ? { sourceId: source.id } : {}),
          ...(coordinator ? { coordinatorId: coordinator } : {}),
        },
      });
      expect(res.status).toBe(201);
      if (stage.id !== stages[0]!.id) {
        const moved = await api(`/api/v1/leads/${res.json.lead.id}/stage`, {
          token: admin,
          body: { stageId: stage.id },
        });
        expect(moved.status).toBe(200);
      }
      made.push({ source, coordinator, stage });
    }

    // The data set reaches every case the figures distinguish.
    expect(new Set(made.map((m) => m.coordinator)).size).toBe(2);
    expect(new Set(made.map((m) => m.source?.id ?? null)).size).toBe(sources.length + 1);
    expect(new Set(made.map((m) => m.stage.outcome))).toEqual(new Set(['open', 'won', 'lost']));

    const res = await api(`/api/v1/leads/analytics?from=${encodeURIComponent(from)}`, { token: admin });
    expect(res.status).toBe(200);
    const rate = (won: number, total: number) => (total ? Math.round((won / total) * 1000) / 10 : 0);
    const won = made.filter((m) => m.stage.outcome === 'won');
    expect(res.json.totals).toEqual({ leads: 48, won: won.length, conversionRate: rate(won.length, 48) });
    expect(res.json.funnel.map((f: { name: string; leads: number }) => [f.name, f.leads])).toEqual(
      stages.map((s) => [s.name, made.filter((m) => m.stage.id === s.id).length]),
    );
    const expectedSources = [...sources, null]
      .map((s) => {
        const these = made.filter((m) => (m.source?.id ?? null) === (s?.id ?? null));
        const w = these.filter((m) => m.stage.outcome === 'won').length;
        return {
          name: s?.name ?? 'No source',
          leads: these.length,
          won: w,
          conversionRate: rate(w, these.length),
        };
      })
      .filter((s) => s.leads > 0);
    expect(res.json.bySource.map(({ sourceId: _, ...rest }: { sourceId: string | null }) => rest)).toEqual(
      expectedSources,
    );
    for (const c of coordinators) {
      const these = made.filter((m) => m.coordinator === c);
      const w = these.filter((m) => m.stage.outcome === 'won').length;
      expect(res.json.byCoordinator).toContainEqual({
        coordinatorId: c,
        leads: these.length,
        won: w,
        conversionRate: rate(w, these.length),
      });
    }
    // Every move left the first stage the same day: one move per moved lead, 0 days on average.
    const moved = made.filter((m) => m.stage.id !== stages[0]!.id).length;
    expect(res.json.timeInStage[0]).toMatchObject({ stageId: stages[0]!.id, moves: moved, averageDays: 0 });
    expect(res.json.newLeads.reduce((n: number, w: { leads: number }) => n + w.leads, 0)).toBe(48);
  });
});
