import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';

let admin: string;
let sources: { id: string; channel: string; name: string }[];
let stages: { id: string; name: string; outcome: string }[];

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  sources = (await api('/api/v1/lead-sources', { token: admin })).json.items;
  stages = (await api('/api/v1/pipeline-stages', { token: admin })).json.items;
});

const DAY = 86_400_000;
const source = (channel: string) => sources.find((s) => s.channel === channel)!;
const newLead = async (body: Record<string, unknown>) =>
  (await api('/api/v1/leads', { token: admin, body })).json.lead;
/** The figures over the last minute (counted from the leads) and over whole days (from the per-day counts). */
async function figures() {
  const now = Date.now();
  const minute = `from=${encodeURIComponent(new Date(now - 60_000).toISOString())}`;
  const today = Math.floor(now / DAY) * DAY;
  const days = `from=${encodeURIComponent(new Date(today - DAY).toISOString())}&to=${encodeURIComponent(new Date(today + DAY).toISOString())}`;
  const read = async (q: string) => {
    const res = await api(`/api/v1/leads/analytics?${q}`, { token: admin });
    expect(res.status).toBe(200);
    return res.json;
  };
  return [await read(minute), await read(days)];
}

describe('lead analytics after a merge', () => {
  it('counts the surviving lead once, credited to its own source, without the duplicate or its moves', async () => {
    const phone = source('phone');
    const email = source('email');
    const kept = await newLead({
      firstName: 'Una',
      lastName: 'Merge',
      phone: '555-300-0001',
      sourceId: phone.id,
    });
    const dup = await newLead({
      firstName: 'Una',
      lastName: 'Merge',
      email: 'una@example.test',
      sourceId: email.id,
    });
    await api(`/api/v1/leads/${dup.id}/stage`, { token: admin, body: { stageId: stages[2]!.id } });
    for (const f of await figures()) expect(f.totals.leads).toBe(2);

    const merged = await api(`/api/v1/leads/${kept.id}/merge`, {
      token: admin,
      body: { duplicateId: dup.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.json.sourceId).toBe(phone.id);
    for (const f of await figures()) {
      expect(f.totals).toEqual({ leads: 1, won: 0, conversionRate: 0 });
      expect(f.bySource).toEqual([
        { sourceId: phone.id, name: phone.name, leads: 1, won: 0, conversionRate: 0 },
      ]);
      expect(f.funnel.find((s: { stageId: string }) => s.stageId === stages[0]!.id).leads).toBe(1);
      expect(f.funnel.find((s: { stageId: string }) => s.stageId === stages[2]!.id).leads).toBe(0);
      // The duplicate's move from the first stage was its own journey.
      expect(f.timeInStage.find((t: { stageId: string }) => t.stageId === stages[0]!.id).moves).toBe(0);
      expect(f.newLeads.reduce((n: number, w: { leads: number }) => n + w.leads, 0)).toBe(1);
      expect(f.byCoordinator.reduce((n: number, c: { leads: number }) => n + c.leads, 0)).toBe(1);
    }
    // Its timeline still shows the move, and a later move of the surviving lead counts.
    const timeline = (await api(`/api/v1/leads/${kept.id}/timeline`, { token: admin })).json.items;
    expect(timeline.filter((a: { kind: string }) => a.kind === 'stage_change')).toHaveLength(1);
    await api(`/api/v1/leads/${kept.id}/stage`, { token: admin, body: { stageId: stages[1]!.id } });
    for (const f of await figures()) {
      expect(f.timeInStage.find((t: { stageId: string }) => t.stageId === stages[0]!.id).moves).toBe(1);
      expect(f.funnel.find((s: { stageId: string }) => s.stageId === stages[1]!.id).leads).toBe(1);
    }
  });

  it("credits the duplicate's source when the person chooses it, and a converted duplicate's conversion follows", async () => {
    const facility = await createFacility(admin, 'Merge Figures Ortho');
    const walkIn = source('walk_in');
    const referral = source('referral');
    const before = await figures();
    const kept = await newLead({
      firstName: 'Vic',
      lastName: 'Merge',
      phone: '555-300-0002',
      sourceId: walkIn.id,
    });
    const dup = await newLead({
      firstName: 'Vic',
      lastName: 'Merge',
      phone: '555-300-0003',
      sourceId: referral.id,
    });
    await api(`/api/v1/leads/${dup.id}/convert`, {
      token: admin,
      body: { facilityId: facility, dateOfBirth: '2012-02-02' },
    });
    const bad = await api(`/api/v1/leads/${kept.id}/merge`, {
      token: admin,
      body: { duplicateId: dup.id, attribution: 'whoever' },
    });
    expect(bad.status).toBe(400);
    const merged = await api(`/api/v1/leads/${kept.id}/merge`, {
      token: admin,
      body: { duplicateId: dup.id, attribution: 'duplicate' },
    });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({ sourceId: referral.id, patientId: expect.any(String) });
    const after = await figures();
    for (const [i, f] of after.entries()) {
      expect(f.totals.leads).toBe(before[i]!.totals.leads + 1);
      expect(f.totals.won).toBe(before[i]!.totals.won + 1);
      expect(f.bySource.find((s: { sourceId: string }) => s.sourceId === referral.id)).toMatchObject({
        leads: 1,
        won: 1,
      });
      expect(f.bySource.find((s: { sourceId: string }) => s.sourceId === walkIn.id)).toBeUndefined();
    }
    const audit = await api(`/api/v1/audit?entityId=${kept.id}`, { token: admin });
    expect(JSON.stringify(audit.json)).toContain('"attribution":"duplicate"');
  });
});
