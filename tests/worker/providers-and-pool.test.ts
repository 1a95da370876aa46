import { beforeAll, describe, expect, it } from 'vitest';
import { isValidNpi } from '../../shared/npi';
import { lookupNpi } from '../../worker/services/providers/nppes';
import { api, createFacility, loginAs, mailbox, seed } from './helpers';

let admin: string;
let facilityId: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Pool Place');
});

let n = 0;
/** A patient made active by an override, so they enter the pending pool. */
async function activePatient() {
  n++;
  const id = (
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: `A${n}`, lastName: 'Pool', dateOfBirth: '1945-01-01' },
    })
  ).json.id;
  await api(`/api/v1/patients/${id}/status`, {
    token: admin,
    body: { status: 'active', reason: 'enrolled on paper' },
  });
  return id as string;
}

async function provider(name: string, capacity: number, email?: string) {
  const res = await api('/api/v1/providers', {
    token: admin,
    body: { name, capacity, ...(email ? { email } : {}) },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

describe('providers', () => {
  it('validates the NPI check digit offline', async () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    const bad = await api('/api/v1/providers', {
      token: admin,
      body: { name: 'Dr Typo', npi: '1234567890', capacity: 5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('This NPI fails its check digit; check the 10 digits');
    const good = await api('/api/v1/providers', {
      token: admin,
      body: { name: 'Dr Good', credentials: 'MD', npi: '1234567893', capacity: 5 },
    });
    expect(good.status).toBe(201);
    const dup = await api('/api/v1/providers', {
      token: admin,
      body: { name: 'Dr Twin', npi: '1234567893', capacity: 5 },
    });
    expect(dup.status).toBe(409);
  });

  it('answers an NPI lookup with the check-digit result and a clear message when the registry is out of reach', async () => {
    const invalid = await api('/api/v1/providers/npi/1234567890', { token: admin });
    expect(invalid.json).toEqual({ valid: false, registry: null });
    const valid = await api('/api/v1/providers/npi/1245319599', { token: admin });
    expect(valid.status).toBe(200);
    expect(valid.json.valid).toBe(true);
    // Tests point the registry at a closed port: unreachable, and said so.
    expect(valid.json.registry).toEqual({
      found: false,
      reason: 'unreachable',
      message: 'The NPI registry could not be reached; enter the details by hand.',
    });
  });
});

describe('pending pool and assignment', () => {
  it('assigns all pending patients of a facility to two providers, notifies them, and empties the pool', async () => {
    const patients = [await activePatient(), await activePatient(), await activePatient()];
    const pool = await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: admin });
    expect(pool.json.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(patients));
    const first = await provider('Dr One', 10, 'one@providers.test');
    const second = await provider('Dr Two', 10, 'two@providers.test');
    const pairs = pool.json.items.map((p: { id: string }, i: number) => ({
      patientId: p.id,
      providerId: i % 2 ? second : first,
    }));
    const res = await api('/api/v1/assignments', { token: admin, body: { assignments: pairs } });
    expect(res.status).toBe(200);
    expect(res.json.assigned).toBe(pairs.length);
    expect(
      (await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: admin })).json.items,
    ).toHaveLength(0);
    const recipients = (await mailbox()).map((m) => m.recipient);
    expect(recipients).toEqual(expect.arrayContaining(['one@providers.test', 'two@providers.test']));
    const loads = (await api('/api/v1/providers', { token: admin })).json.items;
    expect(
      loads.find((p: { id: string }) => p.id === first).load +
        loads.find((p: { id: string }) => p.id === second).load,
    ).toBe(pairs.length);
  });

  it('is all or nothing: one unknown patient or an over-capacity provider assigns nobody', async () => {
    const a = await activePatient();
    const b = await activePatient();
    const small = await provider('Dr Small', 1);
    const unknown = await api('/api/v1/assignments', {
      token: admin,
      body: {
        assignments: [
          { patientId: a, providerId: small },
          { patientId: 'pat_nope', providerId: small },
        ],
      },
    });
    expect(unknown.status).toBe(404);
    const over = await api('/api/v1/assignments', {
      token: admin,
      body: {
        assignments: [
          { patientId: a, providerId: small },
          { patientId: b, providerId: small },
        ],
      },
    });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toBe('Dr Small can take 1 more patient, not 2');
    const pool = (
      await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: admin })
    ).json.items.map((p: { id: string }) => p.id);
    expect(pool).toEqual(expect.arrayContaining([a, b]));
  });

  it('keeps the history of assignments, reassignments and unassignment', async () => {
    const p = await activePatient();
    const x = await provider('Dr X', 5);
    const y = await provider('Dr Y', 5);
    await api('/api/v1/assignments', {
      token: admin,
      body: { assignments: [{ patientId: p, providerId: x }] },
    });
    await api('/api/v1/assignments', {
      token: admin,
      body: { assignments: [{ patientId: p, providerId: y }] },
    });
    expect((await api(`/api/v1/assignments/${p}`, { method: 'DELETE', token: admin })).status).toBe(204);
    const history = (await api(`/api/v1/assignments/history/${p}`, { token: admin })).json.items;
    expect(
      history.map((h: { providerName: string; endReason: string }) => `${h.providerName}:${h.endReason}`),
    ).toEqual(['Dr X:reassigned', 'Dr Y:unassigned']);
    expect(
      (await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: admin })).json.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(p);
  });

  it('keeps other organisations and roles out', async () => {
    const p = await activePatient();
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/assignments/pending?facilityId=${facilityId}`, { token: other })).status).toBe(
      404,
    );
    const theirs = (await api('/api/v1/providers', { token: other, body: { name: 'Dr Other', capacity: 3 } }))
      .json.id;
    expect(
      (
        await api('/api/v1/assignments', {
          token: other,
          body: { assignments: [{ patientId: p, providerId: theirs }] },
        })
      ).status,
    ).toBe(404);
    const coordinator = await loginAs('treatment_coordinator');
    expect(
      (
        await api('/api/v1/assignments', {
          token: coordinator,
          body: { assignments: [{ patientId: p, providerId: theirs }] },
        })
      ).status,
    ).toBe(403);
  });
});

describe('tracker grid', () => {
  it('shows status, preferences, progress and what is missing, and a worklist of what blocks most', async () => {
    const facility = await createFacility(admin, 'Tracker Terrace');
    const ids: string[] = [];
    for (const first of ['Ann', 'Ben']) {
      ids.push(
        (
          await api('/api/v1/patients', {
            token: admin,
            body: { facilityId: facility, firstName: first, lastName: 'Grid', dateOfBirth: '1944-02-02' },
          })
        ).json.id,
      );
    }
    const list = (await api(`/api/v1/patients/${ids[0]}/checklist`, { token: admin })).json;
    const assessment = list.items.find((i: { title: string }) => i.title === 'Initial assessment');
    await api(`/api/v1/patients/${ids[0]}/checklist/${assessment.id}/done`, { token: admin, body: {} });
    const edit = await api(`/api/v1/patients/${ids[1]}`, {
      method: 'PATCH',
      token: admin,
      body: { visitPreference: 'telehealth', meetingStatus: 'scheduled' },
    });
    expect(edit.json).toMatchObject({ visitPreference: 'telehealth', meetingStatus: 'scheduled' });

    const grid = (await api(`/api/v1/tracker?facilityId=${facility}&sort=progress`, { token: admin })).json;
    expect(grid.items.map((r: { firstName: string }) => r.firstName)).toEqual(['Ben', 'Ann']);
    const ann = grid.items.find((r: { firstName: string }) => r.firstName === 'Ann');
    expect(ann).toMatchObject({
      enrollmentStatus: 'in_progress',
      progress: { requiredDone: 1, requiredTotal: 4, percent: 25 },
    });
    expect(ann.missing).not.toContain('Initial assessment');
    expect(grid.worklist[0]).toEqual({ title: 'Current medication list', patients: 2 });
    expect(grid.worklist.find((w: { title: string }) => w.title === 'Initial assessment')).toEqual({
      title: 'Initial assessment',
      patients: 1,
    });

    const missing = (
      await api(
        `/api/v1/tracker?facilityId=${facility}&missing=${encodeURIComponent('Initial assessment')}`,
        { token: admin },
      )
    ).json;
    expect(missing.items.map((r: { firstName: string }) => r.firstName)).toEqual(['Ben']);
    const byStatus = (
      await api(`/api/v1/tracker?facilityId=${facility}&status=in_progress`, { token: admin })
    ).json;
    expect(byStatus.items.map((r: { firstName: string }) => r.firstName)).toEqual(['Ann']);
  });
});

describe('NPPES adapter (an outside service, so its HTTP answers are canned)', () => {
  const answer = (body: unknown) => async () => new Response(JSON.stringify(body));
  it('reads name, credential, primary specialty and phone', async () => {
    const found = await lookupNpi('1245319599', {
      fetcher: answer({
        result_count: 1,
        results: [
          {
            basic: { first_name: 'ADA', last_name: 'LOVELACE', credential: 'MD' },
            taxonomies: [
              { desc: 'Internal Medicine', primary: false },
              { desc: 'Geriatric Medicine', primary: true },
            ],
            addresses: [{ address_purpose: 'LOCATION', telephone_number: '512-555-0100' }],
          },
        ],
      }),
    });
    expect(found).toEqual({
      found: true,
      name: 'ADA LOVELACE',
      credentials: 'MD',
      specialty: 'Geriatric Medicine',
      phone: '512-555-0100',
    });
    expect(
      await lookupNpi('1245319599', { fetcher: answer({ result_count: 0, results: [] }) }),
    ).toMatchObject({ found: false, reason: 'not_found' });
  });
});
