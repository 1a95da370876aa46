import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs, seed } from './helpers';

// A name starting with U+202E reads backwards in the panel and a NUL cuts
// exports short: every typed name is refused with a message staff can act on,
// and accepted text is stored trimmed and NFC-normalised.
let admin: string;
let facilityId: string;

const RLO = '\u202E';
const NUL = '\u0000';
const DECOMPOSED_E = 'e\u0301';
const COMPOSED_E = '\u00E9';
const address = { line1: '10 Oak St', city: 'Denver', state: 'CO', postalCode: '80202' };

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Harbor View');
});

function expectRefused(
  res: { status: number; json: { error: { code: string; details: { path: string; issue: string }[] } } },
  path: string,
) {
  expect(res.status).toBe(400);
  expect(res.json.error.code).toBe('validation_failed');
  expect(res.json.error.details).toContainEqual({
    path,
    issue: 'Remove control or text-direction characters',
  });
}

describe('text that can deceive', () => {
  it('refuses a NUL or a right-to-left override in an organisation name', async () => {
    for (const name of [`${RLO}cod.exe`, `Demo${NUL}Care`]) {
      const res = await api('/api/v1/organization', { method: 'PATCH', token: admin, body: { name } });
      expectRefused(res, 'name');
    }
    const renamed = await api('/api/v1/organization', {
      method: 'PATCH',
      token: admin,
      body: { name: `  Caf${DECOMPOSED_E} Care  ` },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.name).toBe(`Caf${COMPOSED_E} Care`);
  });

  it('refuses them in a facility name and stores an accepted one trimmed and normalised', async () => {
    for (const name of [`${RLO}weiV robraH`, `Harbor${NUL}`]) {
      const res = await api('/api/v1/facilities', { token: admin, body: { name, address } });
      expectRefused(res, 'name');
    }
    const created = await api('/api/v1/facilities', {
      token: admin,
      body: { name: ` Ros${DECOMPOSED_E} Court `, address },
    });
    expect(created.status).toBe(201);
    expect(created.json.name).toBe(`Ros${COMPOSED_E} Court`);
  });

  it('refuses them in a patient name, and normalises an accepted one', async () => {
    const base = { facilityId, dateOfBirth: '1940-05-01' };
    expectRefused(
      await api('/api/v1/patients', {
        token: admin,
        body: { ...base, firstName: `${RLO}enaJ`, lastName: 'Doe' },
      }),
      'firstName',
    );
    expectRefused(
      await api('/api/v1/patients', {
        token: admin,
        body: { ...base, firstName: 'Jane', lastName: `Do${NUL}e` },
      }),
      'lastName',
    );
    const created = await api('/api/v1/patients', {
      token: admin,
      body: { ...base, firstName: ` Ren${DECOMPOSED_E}e `, lastName: 'Doe' },
    });
    expect(created.status).toBe(201);
    expect(created.json.firstName).toBe(`Ren${COMPOSED_E}e`);
  });

  it('refuses them in a lead name and in its notes, and normalises an accepted one', async () => {
    const base = { phone: '617-555-0101' };
    expectRefused(
      await api('/api/v1/leads', { token: admin, body: { ...base, firstName: `${RLO}mA`, lastName: 'Lee' } }),
      'firstName',
    );
    expectRefused(
      await api('/api/v1/leads', {
        token: admin,
        body: { ...base, firstName: 'Amy', lastName: `L${NUL}ee` },
      }),
      'lastName',
    );
    expectRefused(
      await api('/api/v1/leads', {
        token: admin,
        body: { ...base, firstName: 'Amy', lastName: 'Lee', notes: `Called back${RLO}` },
      }),
      'notes',
    );
    const created = await api('/api/v1/leads', {
      token: admin,
      body: { ...base, firstName: ` Zo${DECOMPOSED_E} `, lastName: 'Lee', notes: 'Line one\nLine two' },
    });
    expect(created.status).toBe(201);
    expect(created.json.lead.firstName).toBe(`Zo${COMPOSED_E}`);
    expect(created.json.lead.notes).toBe('Line one\nLine two');
  });

  it('refuses them in a provider name and a checklist item title', async () => {
    expectRefused(
      await api('/api/v1/providers', { token: admin, body: { name: `Dr${NUL} Who`, capacity: 10 } }),
      'name',
    );
    const template = await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: admin });
    expect(template.status).toBe(200);
    const templateId = template.json.id;
    expectRefused(
      await api(`/api/v1/checklist-templates/${templateId}/items`, {
        token: admin,
        body: { title: `${RLO}Consent` },
      }),
      'title',
    );
  });
  it('flags them on a roster row in review by column, reads a line break in a cell as a space, and normalises names', async () => {
    const res = await api('/api/v1/patients/import/preview', {
      token: admin,
      body: {
        facilityId,
        rows: [
          { fullName: `Doe, ${RLO}enaJ`, dateOfBirth: '5/1/1940' },
          { firstName: 'Ada', lastName: `Lo${NUL}ve`, dateOfBirth: '5/1/1940', notes: 'Line one\nline two' },
          // Alt+Enter in spreadsheet cells, and an accent typed as e plus a combining mark. The
          // full-name cell is not read when first and last name are there, so it flags nothing.
          {
            firstName: `Ren${DECOMPOSED_E}e\nMarie`,
            lastName: 'Roux',
            fullName: `${RLO}xuoR`,
            dateOfBirth: '5/1/1940',
            payer: 'Medicare \r\n Part A',
            notes: 'Diet:\nsoft',
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const [spoofed, cut, fine] = res.json.rows;
    expect(spoofed.errors).toEqual([
      { field: 'fullName', issue: 'Name (Last, First): remove control or text-direction characters' },
    ]);
    expect(cut.errors).toEqual([
      { field: 'lastName', issue: 'Last name: remove control or text-direction characters' },
    ]);
    expect(fine.errors).toEqual([]);
    expect(fine.values).toMatchObject({
      firstName: `Ren${COMPOSED_E}e Marie`,
      lastName: 'Roux',
      payer: 'Medicare Part A',
      notes: 'Diet:\nsoft',
    });
    expect(res.json.summary).toMatchObject({ valid: 1, withErrors: 2 });

    // The row is saved from the values review shows, as the panel sends them: nothing refused.
    const { firstName, lastName, dateOfBirth, payer, notes } = fine.values;
    const saved = await api('/api/v1/patients/import/commit', {
      token: admin,
      body: { facilityId, source: 'csv', rows: [{ firstName, lastName, dateOfBirth, payer, notes }] },
    });
    expect(saved.status).toBe(201);
    const found = await api(`/api/v1/patients?facilityId=${facilityId}&q=Roux`, { token: admin });
    expect(found.json.items.map((p: { firstName: string }) => p.firstName)).toEqual([
      `Ren${COMPOSED_E}e Marie`,
    ]);
  });
});
