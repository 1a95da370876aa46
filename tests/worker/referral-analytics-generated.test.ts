import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween } from '../../shared/calendar-date';
import { api, createFacility, loginAs } from './helpers';
import { createProvider } from './referral-helpers';

/** A small seeded generator, so the data set is the same on every run. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((s / 2_147_483_648) * n);
  };
}

type Made = {
  providerId: string;
  date: string;
  consulted: string | null;
  started: string | null;
  converted: boolean;
  revenue: number | null;
};

const today = new Date().toISOString().slice(0, 10);
const from = addCalendarDays(today, -89);
const previousFrom = addCalendarDays(from, -90);
const previousTo = addCalendarDays(from, -1);
const historyFrom = addCalendarDays(from, -360);

const round1 = (n: number) => Math.round(n * 10) / 10;
const avg = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** The figures, computed here from what was made, not by the worker's SQL. */
function expected(made: Made[], providerIds?: string[]) {
  const mine = made.filter((m) => !providerIds || providerIds.includes(m.providerId));
  const inPeriod = mine.filter((m) => m.date >= from && m.date <= today);
  const previous = mine.filter((m) => m.date >= previousFrom && m.date <= previousTo);
  const consulted = inPeriod.filter((m) => m.consulted);
  const converted = inPeriod.filter((m) => m.converted);
  const revenues = inPeriod.filter((m) => m.revenue !== null).map((m) => m.revenue ?? 0);
  return {
    referrals: inPeriod.length,
    consultations: consulted.length,
    conversions: converted.length,
    conversionRate: inPeriod.length ? round1((converted.length / inPeriod.length) * 100) : 0,
    averageDaysToConsultation: avg(consulted.map((m) => daysBetween(m.date, m.consulted ?? ''))),
    averageDaysConsultationToStart: avg(
      converted
        .filter((m) => m.consulted && m.started)
        .map((m) => daysBetween(m.consulted ?? '', m.started ?? '')),
    ),
    averageDaysToStart: avg(
      converted.filter((m) => m.started).map((m) => daysBetween(m.date, m.started ?? '')),
    ),
    revenueCents: revenues.length ? revenues.reduce((a, b) => a + b, 0) : null,
    lastReferralDate:
      mine
        .map((m) => m.date)
        .sort()
        .at(-1) ?? null,
    previous: { referrals: previous.length, conversions: previous.filter((m) => m.converted).length },
    trendPercent: previous.length
      ? round1(((inPeriod.length - previous.length) / previous.length) * 100)
      : null,
  };
}

describe('referral analytics on a generated data set', () => {
  it('matches figures computed independently from the same referrals', async () => {
    const admin = await loginAs('clinic_admin');
    const facilityId = await createFacility(admin, 'Analytics Clinic');
    const pick = random(20261129);
    // Milestones are chosen by a generator of their own, so the referrals stay those of the first.
    const choose = random(7);
    const milestones = (id: string, body: Record<string, string>) =>
      api(`/api/v1/referrals/${id}/milestones`, { token: admin, method: 'PATCH', body });
    const upTo = (d: string) => (d > today ? today : d);
    const first = await createProvider(admin, 'Ada', 'Lovelace');
    const providers = [first.id];
    const partner = await api('/api/v1/referring-providers', {
      token: admin,
      body: {
        firstName: 'Bea',
        lastName: 'Partner',
        credentials: 'DMD',
        letterPreference: 'mail',
        practiceId: first.practice.id,
      },
    });
    expect(partner.status, partner.text).toBe(201);
    providers.push(partner.json.id);
    for (const [f, l] of [
      ['Cy', 'Molar'],
      ['Di', 'Canine'],
      ['Ed', 'Quiet'],
    ] as const)
      providers.push((await createProvider(admin, f, l)).id);
    const quiet = providers[4]!;

    const made: Made[] = [];
    const appointments: Record<string, unknown>[] = [];
    for (let i = 0; i < 44; i++) {
      // The quiet provider referred steadily before the period and not since: a cooling referrer.
      const providerId = i < 8 ? quiet : providers[pick(4)]!;
      const date = i < 8 ? addCalendarDays(today, -(100 + i * 40)) : addCalendarDays(today, -pick(200));
      const res = await api('/api/v1/referrals/with-lead', {
        token: admin,
        body: {
          providerId,
          referralDate: date,
          channel: 'letter',
          lead: {
            firstName: `Gen${i}`,
            lastName: 'Referred',
            phone: `512-555-${String(2000 + i)}`,
            dateOfBirth: '2014-05-0' + (1 + (i % 9)),
            responsibleParty: { name: `Parent${i} Referred`, relationship: 'Parent' },
          },
        },
      });
      expect(res.status, res.text).toBe(201);
      const leadId = res.json.lead.id;
      const referralId = res.json.referral.id;
      const m: Made = { providerId, date, consulted: null, started: null, converted: false, revenue: null };
      if (pick(3) > 0) {
        const consulted = addCalendarDays(date, Math.min(daysBetween(date, today), 3 + pick(20)));
        m.consulted = consulted;
        appointments.push({
          externalId: `C-${i}`,
          leadId,
          facilityId,
          startsAt: `${consulted}T15:00:00Z`,
          endsAt: `${consulted}T16:00:00Z`,
          type: 'Consultation',
          status: 'attended',
        });
        // A missed visit earlier does not count as the consultation.
        if (pick(2))
          appointments.push({
            externalId: `M-${i}`,
            leadId,
            facilityId,
            startsAt: `${date}T09:00:00Z`,
            endsAt: `${date}T10:00:00Z`,
            type: 'Consultation',
            status: 'did_not_attend',
          });
        if (pick(2)) {
          // Conversion starts treatment today, unless a start was recorded first.
          m.started = today;
          if (choose(3) === 0) {
            m.started = upTo(addCalendarDays(consulted, 2));
            expect((await milestones(referralId, { treatmentStartDate: m.started })).status).toBe(200);
          }
          const conv = await api(`/api/v1/leads/${leadId}/convert`, { token: admin, body: { facilityId } });
          expect(conv.status, conv.text).toBe(200);
          m.converted = true;
          if (pick(2)) {
            m.revenue = 100_000 + pick(50) * 10_000;
            const patch = await api(`/api/v1/referrals/${referralId}`, {
              token: admin,
              method: 'PATCH',
              body: { revenueCents: m.revenue },
            });
            expect(patch.status, patch.text).toBe(200);
            expect(patch.json.revenueCents).toBe(m.revenue);
          }
        }
      }
      if (m.consulted && !m.converted && choose(3) === 0) {
        // A consultation recorded on the referral outranks the attended appointment.
        m.consulted = upTo(addCalendarDays(date, 1));
        expect((await milestones(referralId, { consultationDate: m.consulted })).status).toBe(200);
      }
      if (!m.consulted && choose(2) === 0) {
        // Recorded on the referral alone: a consultation, then a treatment start without a conversion.
        m.consulted = upTo(addCalendarDays(date, 5));
        m.started = upTo(addCalendarDays(date, 30));
        m.converted = true;
        const set = await milestones(referralId, {
          consultationDate: m.consulted,
          treatmentStartDate: m.started,
        });
        expect(set.status, set.text).toBe(200);
      }
      made.push(m);
    }
    const upsert = await api('/api/v1/appointments/upsert', { token: admin, body: { items: appointments } });
    expect(upsert.status, upsert.text).toBe(200);
    // Outgoing referrals to a specialist are not counted as received.
    const out = await api('/api/v1/referrals', {
      token: admin,
      body: { direction: 'outgoing', providerId: providers[2], referralDate: today, channel: 'letter' },
    });
    expect(out.status, out.text).toBe(201);

    // The data set reaches every case the figures distinguish.
    const inPeriod = made.filter((m) => m.date >= from);
    expect(inPeriod.some((m) => m.converted && m.revenue !== null)).toBe(true);
    expect(inPeriod.some((m) => m.consulted && !m.converted)).toBe(true);
    expect(inPeriod.some((m) => !m.consulted)).toBe(true);
    expect(inPeriod.some((m) => m.converted && m.started && m.started !== today)).toBe(true);
    expect(made.some((m) => m.date >= previousFrom && m.date <= previousTo)).toBe(true);

    const overview = await api('/api/v1/referral-analytics', { token: admin });
    expect(overview.status, overview.text).toBe(200);
    expect(overview.json.period).toEqual({ from, to: today, days: 90 });
    expect(overview.json.previousPeriod).toEqual({ from: previousFrom, to: previousTo, days: 90 });
    expect(overview.json.totals).toEqual(expected(made));

    // Top referrers: most referrals in the period, then conversions, then the latest.
    const tally = providers
      .map((id) => {
        const rows = inPeriod.filter((m) => m.providerId === id);
        return {
          providerId: id,
          referrals: rows.length,
          conversions: rows.filter((m) => m.converted).length,
          last:
            rows
              .map((m) => m.date)
              .sort()
              .at(-1) ?? '',
        };
      })
      .filter((t) => t.referrals)
      .sort(
        (a, b) => b.referrals - a.referrals || b.conversions - a.conversions || b.last.localeCompare(a.last),
      );
    expect(
      overview.json.top.map((t: { providerId: string; referrals: number; conversions: number }) => [
        t.providerId,
        t.referrals,
        t.conversions,
      ]),
    ).toEqual(tally.map((t) => [t.providerId, t.referrals, t.conversions]));

    // Cooling: at least 4 in the 360 days before the period, and half their usual (that over 4) or fewer now.
    const cooling = providers.filter((id) => {
      const history = made.filter(
        (m) => m.providerId === id && m.date >= historyFrom && m.date < from,
      ).length;
      const now = inPeriod.filter((m) => m.providerId === id).length;
      return history >= 4 && now <= history / 8;
    });
    expect(cooling).toContain(quiet);
    expect(overview.json.cooling.map((c: { providerId: string }) => c.providerId).sort()).toEqual(
      cooling.sort(),
    );
    expect(overview.json.definitions.cooling).toContain('360 days');

    // Twelve months; the months' referrals add up to those made since the first month began.
    expect(overview.json.monthly).toHaveLength(12);
    const firstMonth = `${overview.json.monthly[0].month}-01`;
    const sum = (k: 'referrals' | 'conversions') =>
      overview.json.monthly.reduce((n: number, m: Record<string, number>) => n + (m[k] ?? 0), 0);
    expect(sum('referrals')).toBe(made.filter((m) => m.date >= firstMonth).length);
    expect(sum('conversions')).toBe(made.filter((m) => m.date >= firstMonth && m.converted).length);

    // One provider, and the practice two of them share.
    for (const id of providers) {
      const one = await api(`/api/v1/referral-analytics/providers/${id}`, { token: admin });
      expect(one.status, one.text).toBe(200);
      expect(one.json.stats).toEqual(expected(made, [id]));
    }
    const practice = await api(`/api/v1/referral-analytics/practices/${first.practice.id}`, { token: admin });
    expect(practice.status, practice.text).toBe(200);
    expect(practice.json.stats).toEqual(expected(made, providers.slice(0, 2)));
    expect(practice.json.providers.map((p: { providerId: string }) => p.providerId).sort()).toEqual(
      providers.slice(0, 2).sort(),
    );

    // A chosen period: the previous one is the same length just before it.
    const window = await api(
      `/api/v1/referral-analytics?from=${addCalendarDays(today, -199)}&to=${addCalendarDays(today, -100)}`,
      { token: admin },
    );
    expect(window.status).toBe(200);
    expect(window.json.totals.referrals).toBe(
      made.filter((m) => m.date >= addCalendarDays(today, -199) && m.date <= addCalendarDays(today, -100))
        .length,
    );
    expect(window.json.previousPeriod.days).toBe(100);
  });
});
