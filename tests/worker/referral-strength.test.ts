import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/calendar-date';
import { DEFAULT_STRENGTH_RULES } from '../../shared/referral-strength';
import { api, createFacility, loginAs } from './helpers';
import { createProvider } from './referral-helpers';

const today = new Date().toISOString().slice(0, 10);

/** A provider with referrals 10, 40 and 200 days ago, the first converted. */
async function referrer(admin: string, lastName: string) {
  const provider = await createProvider(admin, 'Rita', lastName);
  const facilityId = await createFacility(admin, `${lastName} Clinic`);
  const leads: string[] = [];
  for (const [i, days] of [10, 40, 200].entries()) {
    const res = await api('/api/v1/referrals/with-lead', {
      token: admin,
      body: {
        providerId: provider.id,
        referralDate: addCalendarDays(today, -days),
        channel: 'phone',
        lead: {
          firstName: `Pat${i}`,
          lastName: 'Strong',
          phone: `512-555-31${i}0`,
          dateOfBirth: '2013-02-03',
          responsibleParty: { name: `Parent${i} Strong`, relationship: 'Parent' },
        },
      },
    });
    expect(res.status, res.text).toBe(201);
    leads.push(res.json.lead.id);
  }
  const conv = await api(`/api/v1/leads/${leads[0]}/convert`, { token: admin, body: { facilityId } });
  expect(conv.status, conv.text).toBe(200);
  return provider;
}

const strengthOf = async (token: string, id: string) => {
  const res = await api(`/api/v1/referral-analytics/providers/${id}`, { token });
  expect(res.status, res.text).toBe(200);
  return res.json.strength as {
    score: number;
    reasons: { rule: string; points: number; explanation: string }[];
  };
};

describe('relationship strength', () => {
  it('scores from recency, frequency, conversion, letters and trend, and says why', async () => {
    const admin = await loginAs('clinic_admin');
    const provider = await referrer(admin, 'Strong');
    const strength = await strengthOf(admin, provider.id);
    expect(strength.reasons).toEqual([
      { rule: 'Recency', points: 25, explanation: 'Last referral 10 days ago (within 30 days)' },
      { rule: 'Frequency', points: 9, explanation: '3 referrals in the last 365 days (3 each, at most 25)' },
      { rule: 'Conversion', points: 8, explanation: '1 of 3 started treatment (33%)' },
      // The thank-you and treatment-start letters were queued today: not late yet, so not owed.
      { rule: 'Letters on time', points: 0, explanation: 'No letters owed to this provider yet' },
      { rule: 'Trend', points: 10, explanation: '2 in the last 90 days against 0 in the 90 before' },
    ]);
    expect(strength.score).toBe(52);

    // One letter sent the day it was queued: owed and on time, the others still have their week.
    const queued = await api(`/api/v1/referral-letters?providerId=${provider.id}`, { token: admin });
    expect(queued.status, queued.text).toBe(200);
    expect(queued.json.items.length).toBeGreaterThan(1);
    const sent = await api(`/api/v1/referral-letters/${queued.json.items[0].id}/send`, {
      token: admin,
      body: { via: 'mail' },
    });
    expect(sent.status, sent.text).toBe(200);
    const withLetter = await strengthOf(admin, provider.id);
    expect(withLetter.reasons.find((r) => r.rule === 'Letters on time')).toEqual({
      rule: 'Letters on time',
      points: 15,
      explanation: '1 of 1 letter sent within 7 days',
    });
    expect(withLetter.score).toBe(67);

    // A provider with no referral yet scores 0, and each rule says why.
    const fresh = await createProvider(admin, 'Nora', 'New');
    const none = await strengthOf(admin, fresh.id);
    expect(none.score).toBe(0);
    expect(none.reasons.map((r) => r.explanation)).toContain('No referral yet');
  });

  it('follows the rules the organisation edits, and only a provider manager edits them', async () => {
    const admin = await loginAs('clinic_admin');
    const provider = await referrer(admin, 'Edited');
    const before = await api('/api/v1/referral-strength-rules', { token: admin });
    expect(before.json).toEqual({ rules: DEFAULT_STRENGTH_RULES, updatedAt: null });

    const rules = {
      ...DEFAULT_STRENGTH_RULES,
      frequency: { windowDays: 365, each: 10, max: 30 },
      trend: { windowDays: 30, rising: 5, falling: -20 },
    };
    const saved = await api('/api/v1/referral-strength-rules', { token: admin, method: 'PUT', body: rules });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.rules).toEqual(rules);
    // 25 recency + 30 frequency (capped) + 8 conversion + 0 trend (1 in the last 30 days, 1 in the 30 before).
    const after = await strengthOf(admin, provider.id);
    expect(after.score).toBe(63);
    expect(after.reasons.find((r) => r.rule === 'Trend')?.explanation).toBe(
      '1 in the last 30 days against 1 in the 30 before',
    );

    const read = await loginAs('read_only');
    expect((await api('/api/v1/referral-strength-rules', { token: read })).json.rules).toEqual(rules);
    for (const role of ['read_only', 'billing', 'doctor', 'front_desk', 'treatment_coordinator']) {
      const token = await loginAs(role);
      const put = await api('/api/v1/referral-strength-rules', { token, method: 'PUT', body: rules });
      expect(put.status, role).toBe(403);
      expect((await api('/api/v1/referral-analytics', { token })).status, role).toBe(200);
    }
    for (const role of ['facility_admin', 'provider']) {
      const token = await loginAs(role);
      expect((await api('/api/v1/referral-analytics', { token })).status, role).toBe(403);
      expect((await api(`/api/v1/referral-analytics/providers/${provider.id}`, { token })).status).toBe(403);
    }
  });

  it('refuses rules that do not hold together, with the failing path', async () => {
    const admin = await loginAs('clinic_admin');
    const put = (body: unknown) =>
      api('/api/v1/referral-strength-rules', { token: admin, method: 'PUT', body });
    const inverted = await put({
      ...DEFAULT_STRENGTH_RULES,
      recency: { ...DEFAULT_STRENGTH_RULES.recency, warmDays: 10 },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.json.error.code).toBe('validation_failed');
    expect(inverted.json.error.details[0].path).toBe('recency.warmDays');
    const unknown = await put({ ...DEFAULT_STRENGTH_RULES, bonus: { points: 50 } });
    expect(unknown.status).toBe(400);
    const tooMany = await put({
      ...DEFAULT_STRENGTH_RULES,
      trend: { windowDays: 90, rising: 500, falling: 0 },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details[0].path).toBe('trend.rising');
  });

  it('answers bad periods with 400 and revenue only on incoming referrals', async () => {
    const admin = await loginAs('clinic_admin');
    for (const query of [
      `from=${today}&to=${addCalendarDays(today, -1)}`,
      'from=2026-02-30',
      'to=yesterday',
      'from=2000-01-01&to=2026-01-01',
      'extra=1',
    ]) {
      const res = await api(`/api/v1/referral-analytics?${query}`, { token: admin });
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    const specialist = await createProvider(admin, 'Sam', 'Surgeon');
    const out = await api('/api/v1/referrals', {
      token: admin,
      body: { direction: 'outgoing', providerId: specialist.id, referralDate: today, channel: 'letter' },
    });
    const patch = await api(`/api/v1/referrals/${out.json.id}`, {
      token: admin,
      method: 'PATCH',
      body: { revenueCents: 5000 },
    });
    expect(patch.status).toBe(400);
    expect(patch.json.error.details[0].path).toBe('revenueCents');
  });

  it("keeps organisations apart: another's provider answers like a missing one", async () => {
    const admin = await loginAs('clinic_admin');
    const provider = await referrer(admin, 'Apart');
    await api('/api/v1/referral-strength-rules', {
      token: admin,
      method: 'PUT',
      body: { ...DEFAULT_STRENGTH_RULES, letters: { onTimeDays: 3, max: 20 } },
    });
    const other = await loginAs('clinic_admin', 'other');
    for (const path of [`providers/${provider.id}`, `practices/${provider.practice.id}`]) {
      const theirs = await api(`/api/v1/referral-analytics/${path}`, { token: other });
      const missing = await api(`/api/v1/referral-analytics/${path.split('/')[0]}/rp_missing`, {
        token: other,
      });
      expect(theirs.status).toBe(404);
      expect(theirs.json.error.code).toBe(missing.json.error.code);
      expect(theirs.json.error.message).toBe(missing.json.error.message);
    }
    const overview = await api('/api/v1/referral-analytics', { token: other });
    expect(overview.json.totals.referrals).toBe(0);
    expect(overview.json.totals.lastReferralDate).toBeNull();
    expect(overview.json.top).toEqual([]);
    expect(overview.json.cooling).toEqual([]);
    expect((await api('/api/v1/referral-strength-rules', { token: other })).json.rules).toEqual(
      DEFAULT_STRENGTH_RULES,
    );
  });
});
