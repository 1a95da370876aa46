import { beforeAll, describe, expect, it } from 'vitest';
import { api, createFacility, loginAs } from './helpers';

// D1 refuses LIKE patterns over 50 bytes; a long search must narrow the list, not fail it.
let admin: string;
let facilityId: string;
beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Longview Terrace Skilled Nursing And Rehabilitation Center');
});

const long = 'Longview Terrace Skilled Nursing And Rehabilitation Center of the Valley ü%_';

describe('long searches', () => {
  it('facilities: a name longer than the pattern limit still finds by its start', async () => {
    const res = await api(`/api/v1/facilities?q=${encodeURIComponent(long.slice(0, 58))}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.json.items.map((f: { id: string }) => f.id)).toContain(facilityId);
  });

  it('patients: a very long word answers 200', async () => {
    const res = await api(
      `/api/v1/patients?facilityId=${facilityId}&q=${encodeURIComponent('x'.repeat(80))}`,
      { token: admin },
    );
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([]);
  });

  it('leads: the longest allowed search answers 200', async () => {
    const res = await api(`/api/v1/leads?q=${encodeURIComponent('é'.repeat(100))}`, { token: admin });
    expect(res.status).toBe(200);
  });
});
