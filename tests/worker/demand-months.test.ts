import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

// Demand month by month, recomputed here from who was served when. Patients
// join in earlier months than today, which only the clock can do, so their
// dates (and a churn's) are moved back in the database after the API made them.
let admin: string;
type Service = { id: string; category: string; active: boolean };
let catalogue: Service[];
const ids = (category: string) => catalogue.filter((s) => s.category === category).map((s) => s.id);

/** The month `back` months before the current one (UTC), as YYYY-MM, counted on a month index. */
function monthBack(back: number) {
  const now = new Date();
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const midMonth = (back: number) => `${monthBack(back)}-15T10:00:00.000Z`;

type Person = { from: number; until: number | null; services: Record<string, number> };

function expected(people: Person[], end: number | null, months: number) {
  return Array.from({ length: months }, (_, i) => {
    const back = months - 1 - i;
    const served = people.filter(
      (p) => p.from >= back && (p.until === null || p.until <= back) && (end === null || end <= back),
    );
    const categories = Object.fromEntries(
      ['medical', 'pharmacy', 'specialty', 'support'].map((c) => {
        const using = served.filter((p) => (p.services[c] ?? 0) > 0);
        return [c, { patients: using.length, services: using.reduce((n, p) => n + p.services[c]!, 0) }];
      }),
    );
    return {
      month: monthBack(back),
      patients: served.filter((p) => Object.values(p.services).some((n) => n > 0)).length,
      services: served.reduce((n, p) => n + Object.values(p.services).reduce((a, b) => a + b, 0), 0),
      categories,
    };
  });
}

async function person(facilityId: string, name: string, p: Person, selection: object) {
  const { json } = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName: name, lastName: 'Month', dateOfBirth: '1950-01-01' },
  });
  const chosen = await api(`/api/v1/patients/${json.id}/services`, {
    method: 'PUT',
    token: admin,
    body: selection,
  });
  expect(chosen.status).toBe(200);
  if (p.until !== null)
    await api(`/api/v1/patients/${json.id}/status`, {
      token: admin,
      body: { status: 'completed', reason: 'left' },
    });
  await env.DB.prepare('UPDATE patients SET created_at = ?, completed_at = ? WHERE id = ?')
    .bind(midMonth(p.from), p.until === null ? null : midMonth(p.until), json.id)
    .run();
}

const months = async (query: string) => api(`/api/v1/facilities/demand/months?${query}`, { token: admin });

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  catalogue = (await api('/api/v1/services', { token: admin })).json.items.filter((s: Service) => s.active);
});

describe('demand month by month', () => {
  it('counts each patient from the month they joined to the month they left, with "all services" in full', async () => {
    const facilityId = await createFacility(admin, 'Calendar Home', {
      serviceCategories: ['medical', 'support'],
    });
    const people: Person[] = [
      { from: 4, until: null, services: { medical: 2 } },
      { from: 2, until: 1, services: { support: 1 } },
      { from: 0, until: null, services: { medical: ids('medical').length, support: ids('support').length } },
      { from: 7, until: 6, services: { medical: 1 } },
    ];
    await person(facilityId, 'Ava', people[0]!, { serviceIds: ids('medical').slice(0, 2) });
    await person(facilityId, 'Bo', people[1]!, { serviceIds: ids('support').slice(0, 1) });
    await person(facilityId, 'Cy', people[2]!, { allHealthcareServices: true });
    await person(facilityId, 'Di', people[3]!, { serviceIds: ids('medical').slice(0, 1) });
    const res = await months(`facilityId=${facilityId}&months=6`);
    expect(res.status).toBe(200);
    expect(res.json.months).toEqual(expected(people, null, 6));
    // Sanity of the recount itself: four months back only Ava was there, this month Ava and Cy.
    expect(res.json.months[1]).toMatchObject({ patients: 1, services: 2 });
    expect(res.json.months[5].patients).toBe(2);
  });

  it('ends a churned facility’s demand at the month it churned', async () => {
    const facilityId = await createFacility(admin, 'Closing Home', { serviceCategories: ['pharmacy'] });
    const people: Person[] = [{ from: 3, until: null, services: { pharmacy: 2 } }];
    await person(facilityId, 'Ed', people[0]!, { serviceIds: ids('pharmacy').slice(0, 2) });
    for (const to of ['pending', 'active', 'churned'])
      await api(`/api/v1/facilities/${facilityId}/contract`, { token: admin, body: { to } });
    await env.DB.prepare(
      "UPDATE facility_contract_events SET created_at = ? WHERE facility_id = ? AND to_status = 'churned'",
    )
      .bind(midMonth(1), facilityId)
      .run();
    const res = await months(`facilityId=${facilityId}&months=5`);
    expect(res.json.months).toEqual(expected(people, 1, 5));
    expect(res.json.months.map((m: { patients: number }) => m.patients)).toEqual([0, 1, 1, 1, 0]);
  });

  it('validates its query and keeps other organisations’ and hidden facilities out', async () => {
    expect((await months('months=0')).status).toBe(400);
    expect((await months('months=37')).status).toBe(400);
    expect((await months('months=12&extra=1')).status).toBe(400);
    const all = await months('');
    expect(all.json.months).toHaveLength(12);
    const facilityId = await createFacility(admin, 'Private Calendar', { serviceCategories: ['medical'] });
    const other = await loginAs('clinic_admin', 'other');
    const hidden = await api(`/api/v1/facilities/demand/months?facilityId=${facilityId}`, { token: other });
    expect(hidden.status).toBe(404);
    expect((await api(`/api/v1/facilities/demand?facilityId=${facilityId}`, { token: other })).status).toBe(
      404,
    );
    expect((await api('/api/v1/facilities/demand/months', { token: await loginAs('provider') })).status).toBe(
      403,
    );
  });
});
