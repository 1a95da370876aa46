import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_WINDOW_MS } from '../../worker/services/email/notice-digest';
import { api, createFacility, loginAs, mailbox, runCronAt, seed, uploadChecklistDocument } from './helpers';

let admin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

type Item = { id: string; title: string; done: boolean; required: boolean; evidence: { url: string } | null };
const checklist = async (id: string) =>
  (await api(`/api/v1/patients/${id}/checklist`, { token: admin })).json;
const item = (list: { items: Item[] }, title: string) => list.items.find((i) => i.title === title)!;
const titles = (list: { items: (Item & { removed: boolean })[] }) =>
  list.items.filter((i) => !i.removed).map((i) => i.title);

async function patientIn(facilityId: string, firstName: string) {
  const res = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName, lastName: 'Reach', dateOfBirth: '1944-04-04' },
  });
  return res.json.id as string;
}

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

async function markDone(patientId: string, title: string) {
  const list = await checklist(patientId);
  const target = item(list, title) as Item & { kind: string };
  if (target.kind === 'document')
    return (await uploadChecklistDocument(admin, patientId, target.id, PDF, 'signed.pdf')).json;
  return (
    await api(`/api/v1/patients/${patientId}/checklist/${item(list, title).id}/done`, {
      token: admin,
      body: {},
    })
  ).json;
}

describe("a facility's own checklist", () => {
  it('reaches patients who started on the organisation checklist, keeping what they did and its evidence', async () => {
    const facilityId = await createFacility(admin, 'Reach Manor');
    await api(`/api/v1/facilities/${facilityId}`, {
      method: 'PATCH',
      token: admin,
      body: { administrator: { name: 'Rae', email: 'rae@reach.test' } },
    });
    const started = await patientIn(facilityId, 'Started');
    const almost = await patientIn(facilityId, 'Almost');
    // Both opened their checklist (copied from the organisation's) before the facility had its own.
    await markDone(started, 'Initial assessment');
    const evidenced = await api(
      `/api/v1/patients/${started}/checklist/${item(await checklist(started), 'Insurance verification').id}/evidence`,
      { token: admin, body: { url: 'https://payer.example/ok', title: 'Eligible', text: 'Covered' } },
    );
    expect(evidenced.status).toBe(200);
    for (const title of ['Signed consent form', 'Current medication list', 'Initial assessment'])
      await markDone(almost, title);
    expect((await checklist(almost)).enrollment.status).toBe('in_progress');

    const template = (
      await api('/api/v1/checklist-templates/facility-override', { token: admin, body: { facilityId } })
    ).json;

    // The preview names who a new required item reaches, and nobody's status moves.
    const newItem = { title: 'Pharmacy agreement', kind: 'task', required: true };
    const preview = await api(`/api/v1/checklist-templates/${template.id}/preview`, {
      token: admin,
      body: { op: 'add', item: newItem },
    });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ patientsAffected: 2, statusChanges: 0, truncated: false });
    expect(preview.json.patients.map((p: { firstName: string }) => p.firstName).sort()).toEqual([
      'Almost',
      'Started',
    ]);
    expect(preview.json.patients[0]).toMatchObject({ itemsAdded: 1, itemsRemoved: 0 });
    // A preview writes nothing.
    expect(titles(await checklist(started))).not.toContain('Pharmacy agreement');

    const added = await api(`/api/v1/checklist-templates/${template.id}/items`, {
      token: admin,
      body: newItem,
    });
    expect(added.status).toBe(200);
    expect(added.json.patientsUpdated).toBe(2);

    const startedAfter = await checklist(started);
    expect(titles(startedAfter)).toContain('Pharmacy agreement');
    expect(item(startedAfter, 'Initial assessment').done).toBe(true);
    expect(item(startedAfter, 'Insurance verification').evidence?.url).toBe('https://payer.example/ok');

    // Finishing the old required items no longer makes "Almost" active: the facility's item is required.
    const afterInsurance = await markDone(almost, 'Insurance verification');
    expect(afterInsurance.enrollment).toMatchObject({
      status: 'in_progress',
      progress: { requiredDone: 4, requiredTotal: 5 },
    });

    // Making that item optional: the preview says "Almost" becomes active, then the edit does it.
    const pharmacy = added.json.items.find((i: { title: string }) => i.title === 'Pharmacy agreement');
    const optional = await api(`/api/v1/checklist-templates/${template.id}/preview`, {
      token: admin,
      body: { op: 'update', itemId: pharmacy.id, changes: { required: false } },
    });
    expect(optional.json.statusChanges).toBe(1);
    expect(optional.json.patients[0]).toMatchObject({
      firstName: 'Almost',
      from: 'in_progress',
      to: 'active',
      itemsChanged: 1,
    });
    const saved = await api(`/api/v1/checklist-templates/${template.id}/items/${pharmacy.id}`, {
      method: 'PATCH',
      token: admin,
      body: { required: false },
    });
    expect(saved.json.patientsUpdated).toBe(2);
    expect((await checklist(almost)).enrollment.status).toBe('active');
    const history = (await api(`/api/v1/patients/${almost}/status-history`, { token: admin })).json.items;
    expect(history.at(-1)).toMatchObject({ toStatus: 'active', reason: 'Checklist template changed' });
    await runCronAt(Date.now() + DIGEST_WINDOW_MS);
    expect(
      (await mailbox()).some((m) => m.recipient === 'rae@reach.test' && /now enrolled/.test(m.subject)),
    ).toBe(true);

    // Once active the checklist is finished: later edits list them as untouched.
    const later = await api(`/api/v1/checklist-templates/${template.id}/preview`, {
      token: admin,
      body: { op: 'remove', itemId: pharmacy.id },
    });
    expect(later.json).toMatchObject({ patientsAffected: 1, activeUntouched: 1 });
  });

  it("answers another organisation's template and a bad change like a missing one, with the envelope", async () => {
    const facilityId = await createFacility(admin, 'Reach Annex');
    const template = (
      await api('/api/v1/checklist-templates/facility-override', { token: admin, body: { facilityId } })
    ).json;
    const other = await loginAs('clinic_admin', 'other');
    const foreign = await api(`/api/v1/checklist-templates/${template.id}/preview`, {
      token: other,
      body: { op: 'remove', itemId: template.items[0].id },
    });
    expect(foreign.status).toBe(404);
    const bad = await api(`/api/v1/checklist-templates/${template.id}/preview`, {
      token: admin,
      body: { op: 'rename' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    const reader = await loginAs('read_only');
    const refused = await api(`/api/v1/checklist-templates/${template.id}/preview`, {
      token: reader,
      body: { op: 'remove', itemId: template.items[0].id },
    });
    expect(refused.status).toBe(403);
  });

  it('reaches 150 patients in one all-or-nothing batch within D1 parameter bounds', async () => {
    const facilityId = await createFacility(admin, 'Reach Towers');
    const rows = Array.from({ length: 150 }, (_, i) => ({
      firstName: `Bulk${i}`,
      lastName: 'Reach',
      dateOfBirth: '1950-01-01',
    }));
    const roster = await api('/api/v1/patients/import/commit', {
      token: admin,
      body: { facilityId, source: 'json', rows },
    });
    expect(roster.status).toBeLessThan(300);
    const ids: string[] = (
      await api(`/api/v1/patients?facilityId=${facilityId}&limit=200`, { token: admin })
    ).json.items.map((p: { id: string }) => p.id);
    expect(ids.length).toBe(150);
    for (const id of ids) await checklist(id);
    const template = (
      await api('/api/v1/checklist-templates/facility-override', { token: admin, body: { facilityId } })
    ).json;
    const added = await api(`/api/v1/checklist-templates/${template.id}/items`, {
      token: admin,
      body: { title: 'Bulk item', kind: 'document', required: true },
    });
    expect(added.status).toBe(200);
    expect(added.json.patientsUpdated).toBe(150);
    expect(titles(await checklist(ids[149]!))).toContain('Bulk item');
  });
});
