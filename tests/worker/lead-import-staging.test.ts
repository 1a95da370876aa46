import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, loginAs, runCronAt, seed, workerFetch } from './helpers';

// A previewed lead list waits in R2 only until it is committed, cancelled or a day old.

let admin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

async function preview(name: string, token = admin) {
  const form = new FormData();
  form.append('file', new File([`Name,Email\n${name} Staged,${name.toLowerCase()}@staged.test`], 'l.csv'));
  const res = await workerFetch(`${BASE}/api/v1/leads/import/preview`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { importId: string }).importId;
}

const staged = async () =>
  (await env.FILES.list({ prefix: 'lead-imports/' })).objects.map((o) => o.key.split('/').at(-1));
const cancel = (importId: string, token = admin) =>
  api(`/api/v1/leads/import/${importId}`, { method: 'DELETE', token });
const commit = (importId: string) =>
  api(`/api/v1/leads/import/${importId}/commit`, { token: admin, body: {} });

describe('staged lead lists', () => {
  it('are deleted by the commit', async () => {
    const id = await preview('Cora');
    expect(await staged()).toContain(id);
    expect((await commit(id)).status).toBe(201);
    expect(await staged()).not.toContain(id);
  });

  it('are deleted by cancel, only by the person who previewed them', async () => {
    const id = await preview('Dora');
    const other = await loginAs('clinic_admin', 'other');
    const theirs = await cancel(id, other);
    const missing = await cancel('lim_missing');
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.message).toBe(missing.json.error.message);
    const colleague = await loginAs('treatment_coordinator');
    expect((await cancel(id, colleague)).status).toBe(404);
    expect(await staged()).toContain(id);
    expect((await cancel(id)).status).toBe(204);
    expect(await staged()).not.toContain(id);
    expect((await commit(id)).status).toBe(404);
    const audit = await api('/api/v1/audit?entityType=lead_import_preview', { token: admin });
    expect(audit.json.items[0]).toMatchObject({ action: 'delete', entityId: id });
  });

  it('are removed by the cron a day after the preview, and not before', async () => {
    const id = await preview('Edda');
    await runCronAt(Date.now() + 60 * 60 * 1000);
    expect(await staged()).toContain(id);
    await runCronAt(Date.now() + 25 * 60 * 60 * 1000);
    expect(await staged()).not.toContain(id);
    expect((await commit(id)).status).toBe(404);
    await runCronAt(Date.now() + 25 * 60 * 60 * 1000);
  });
});
