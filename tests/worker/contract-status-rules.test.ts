import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seed } from './helpers';

// A facility becomes active by signing through the contract history, never by
// being created that way; refusals read as a sentence staff would write.
let admin: string;
const address = { line1: '10 Oak St', city: 'Denver', state: 'CO', postalCode: '80202' };
const create = (name: string, contractStatus?: string) =>
  api('/api/v1/facilities', {
    token: admin,
    body: { name, address, ...(contractStatus ? { contractStatus } : {}) },
  });
const move = (id: string, to: string) =>
  api(`/api/v1/facilities/${id}/contract`, { token: admin, body: { to } });

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

describe('contract status rules', () => {
  it('starts a new facility not contracted or pending, and refuses active or churned', async () => {
    expect((await create('Plain House')).json.contractStatus).toBe('not_contracted');
    expect((await create('Talking House', 'pending')).json.contractStatus).toBe('pending');
    for (const status of ['active', 'churned']) {
      const res = await create(`Skipping House ${status}`, status);
      expect(res.status).toBe(400);
      expect(res.json.error.details).toContainEqual({
        path: 'contractStatus',
        issue:
          'A new facility starts not contracted or pending; it becomes active when its contract is signed',
      });
    }
  });

  it('words refused moves naturally', async () => {
    const { id } = (await create('Grammar House', 'pending')).json;
    expect((await move(id, 'active')).status).toBe(200);
    const back = await move(id, 'pending');
    expect(back.status).toBe(409);
    expect(back.json.error.message).toBe('An active facility cannot become pending; it can become churned');
    const fresh = (await create('Fresh House')).json.id;
    expect((await move(fresh, 'churned')).json.error.message).toBe(
      'A not contracted facility cannot become churned; it can become pending',
    );
  });
});
