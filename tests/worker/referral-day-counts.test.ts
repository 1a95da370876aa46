import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween } from '../../shared/calendar-date';
import { api, createFacility, loginAs } from './helpers';
import { createProvider } from './referral-helpers';

const today = new Date().toISOString().slice(0, 10);

type Fact = {
  provider_id: string;
  referral_date: string;
  linked: number;
  revenue_cents: number | null;
  consulted: string | null;
  started: string | null;
};

/**
 * Every incoming referral recounted from the rows that decide it, as the
 * analytics read them before the counts existed: the milestone first, else
 * the first attended appointment or the conversion of its lead.
 */
async function recount() {
  const { results } = await env.DB.prepare(
    `SELECT r.provider_id, r.referral_date, r.patient_id IS NOT NULL AS linked, r.revenue_cents,
       coalesce((SELECT consultation_date FROM referral_milestones m WHERE m.referral_id = r.id),
         (SELECT min(substr(starts_at, 1, 10)) FROM appointments a WHERE a.organization_id = r.organization_id AND a.lead_id = r.lead_id AND a.status = 'attended')) AS consulted,
       coalesce((SELECT treatment_start_date FROM referral_milestones m WHERE m.referral_id = r.id),
         (SELECT substr(min(created_at), 1, 10) FROM lead_activities c WHERE c.organization_id = r.organization_id AND c.lead_id = r.lead_id AND c.kind = 'conversion')) AS started
     FROM referrals r WHERE r.direction = 'incoming'`,
  ).all<Fact>();
  const counts = new Map<string, number[]>();
  for (const f of results) {
    const key = `${f.referral_date} ${f.provider_id}`;
    const c = counts.get(key) ?? Array(10).fill(0);
    const d = (a: string | null, b: string | null) => (a && b ? daysBetween(a, b) : 0);
    const add = [
      1,
      f.consulted ? 1 : 0,
      d(f.referral_date, f.consulted),
      f.started || f.linked ? 1 : 0,
      f.started ? 1 : 0,
      d(f.referral_date, f.started),
      f.consulted && f.started ? 1 : 0,
      d(f.consulted, f.started),
      f.revenue_cents === null ? 0 : 1,
      f.revenue_cents ?? 0,
    ];
    counts.set(
      key,
      c.map((n, i) => n + (add[i] ?? 0)),
    );
  }
  return counts;
}

/** What the triggers keep, rows emptied by moves and deletions left out. */
async function kept() {
  const { results } = await env.DB.prepare(
    `SELECT day, provider_id, referrals, consultations, days_to_consultation, conversions, starts, days_to_start,
       consulted_starts, days_consultation_to_start, revenues, revenue_cents
     FROM referral_day_counts WHERE referrals <> 0 OR consultations <> 0 OR conversions <> 0 OR revenues <> 0`,
  ).all<Record<string, string | number>>();
  return new Map(
    results.map((r) => [
      `${r.day} ${r.provider_id}`,
      Object.values(r)
        .slice(2)
        .map((n) => Number(n)),
    ]),
  );
}

const expectInStep = async (step: string) => {
  const expected = await recount();
  expect(expected.size, step).toBeGreaterThan(0);
  expect(await kept(), step).toEqual(expected);
};

describe('referral day counts', () => {
  it('stay equal to a recount through inserts, edits, milestones, conversions, merges and deletions', async () => {
    const admin = await loginAs('clinic_admin');
    const facilityId = await createFacility(admin, 'Counts Clinic');
    const ana = await createProvider(admin, 'Ana', 'Counts');
    const ben = await createProvider(admin, 'Ben', 'Tally');
    const twin = await createProvider(admin, 'Benjamin', 'Tallyman');
    const made: { id: string; leadId: string }[] = [];
    for (const [i, provider] of [ana, ana, ben, twin, twin].entries()) {
      const res = await api('/api/v1/referrals/with-lead', {
        token: admin,
        body: {
          providerId: provider.id,
          referralDate: addCalendarDays(today, -10 * i),
          channel: 'phone',
          lead: {
            firstName: `Cnt${i}`,
            lastName: 'Rollup',
            phone: `512-555-41${i}0`,
            dateOfBirth: '2012-03-04',
            responsibleParty: { name: `Parent${i} Rollup`, relationship: 'Parent' },
          },
        },
      });
      expect(res.status, res.text).toBe(201);
      made.push({ id: res.json.referral.id, leadId: res.json.lead.id });
    }
    await expectInStep('created');

    const appointment = (i: number, externalId: string, day: string, status: string) => ({
      externalId,
      leadId: made[i]!.leadId,
      facilityId,
      startsAt: `${day}T15:00:00Z`,
      endsAt: `${day}T16:00:00Z`,
      type: 'Consultation',
      status,
    });
    const upsert = (items: unknown[]) =>
      api('/api/v1/appointments/upsert', { token: admin, body: { items } });
    expect(
      (
        await upsert([
          appointment(0, 'R-0', addCalendarDays(today, -2), 'attended'),
          appointment(1, 'R-1', addCalendarDays(today, -5), 'booked'),
          appointment(2, 'R-2', addCalendarDays(today, -12), 'attended'),
        ])
      ).status,
    ).toBe(200);
    await expectInStep('appointments');
    // The booked visit is attended after all; the attended one moves a day.
    expect(
      (
        await upsert([
          appointment(1, 'R-1', addCalendarDays(today, -5), 'attended'),
          appointment(2, 'R-2', addCalendarDays(today, -11), 'attended'),
        ])
      ).status,
    ).toBe(200);
    await expectInStep('appointments edited');

    const milestones = (i: number, body: Record<string, string>) =>
      api(`/api/v1/referrals/${made[i]!.id}/milestones`, { token: admin, method: 'PATCH', body });
    expect((await milestones(0, { consultationDate: addCalendarDays(today, -3) })).status).toBe(200);
    expect((await milestones(3, { treatmentStartDate: addCalendarDays(today, -1) })).status).toBe(200);
    await expectInStep('milestones');
    expect(
      (await api(`/api/v1/leads/${made[1]!.leadId}/convert`, { token: admin, body: { facilityId } })).status,
    ).toBe(200);
    await expectInStep('conversion');

    const patch = (i: number, body: Record<string, unknown>) =>
      api(`/api/v1/referrals/${made[i]!.id}`, { token: admin, method: 'PATCH', body });
    expect((await patch(1, { revenueCents: 250_000 })).status).toBe(200);
    expect((await patch(2, { referralDate: addCalendarDays(today, -30) })).status).toBe(200);
    await expectInStep('referrals edited');

    // Two entries for one provider merge: the duplicate's referrals count under the one kept.
    const merged = await api(`/api/v1/referring-providers/${ben.id}/merge`, {
      token: admin,
      body: { duplicateId: twin.id },
    });
    expect(merged.status, merged.text).toBe(200);
    await expectInStep('providers merged');
    // Two leads merge: the duplicate's conversion moves to the lead kept.
    const leadMerge = await api(`/api/v1/leads/${made[0]!.leadId}/merge`, {
      token: admin,
      body: { duplicateId: made[1]!.leadId },
    });
    expect(leadMerge.status, leadMerge.text).toBe(200);
    await expectInStep('leads merged');

    // Rows removed underneath (no endpoint deletes these): the counts still follow.
    await env.DB.batch([
      env.DB.prepare('DELETE FROM referral_milestones WHERE referral_id = ?').bind(made[0]!.id),
      env.DB.prepare('DELETE FROM appointments WHERE lead_id = ?').bind(made[2]!.leadId),
      env.DB.prepare('DELETE FROM referral_letters WHERE referral_id = ?').bind(made[4]!.id),
      env.DB.prepare('DELETE FROM referrals WHERE id = ?').bind(made[4]!.id),
    ]);
    await expectInStep('deleted');

    // And the analytics read them: each provider's figures equal the recount's.
    const recounted = [...(await recount())];
    for (const provider of [ana, ben]) {
      const from = addCalendarDays(today, -60);
      const res = await api(`/api/v1/referral-analytics/providers/${provider.id}?from=${from}`, {
        token: admin,
      });
      expect(res.status).toBe(200);
      const sum = (i: number) =>
        recounted
          .filter(([key]) => key.endsWith(provider.id) && key.slice(0, 10) >= from)
          .reduce((n, [, c]) => n + (c[i] ?? 0), 0);
      expect(sum(0)).toBeGreaterThan(0);
      expect(res.json.stats).toMatchObject({
        referrals: sum(0),
        consultations: sum(1),
        conversions: sum(3),
        revenueCents: sum(8) ? sum(9) : null,
      });
    }
  });
});
