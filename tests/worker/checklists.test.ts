import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_WINDOW_MS } from '../../worker/services/email/notice-digest';
import { api, createFacility, loginAs, mailbox, runCronAt, seed, uploadChecklistDocument } from './helpers';

let admin: string;
let facilityId: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Checklist Court');
  await api(`/api/v1/facilities/${facilityId}`, {
    method: 'PATCH',
    token: admin,
    body: { administrator: { name: 'Fay', email: 'fay@checklist.test' } },
  });
});

let n = 0;
async function newPatient() {
  n++;
  const res = await api('/api/v1/patients', {
    token: admin,
    body: { facilityId, firstName: `P${n}`, lastName: 'Track', dateOfBirth: '1940-01-01' },
  });
  return res.json.id as string;
}

type Item = { id: string; title: string; kind: string; required: boolean; done: boolean };
const checklist = async (id: string, token = admin) =>
  (await api(`/api/v1/patients/${id}/checklist`, { token })).json;
const item = (list: { items: Item[] }, title: string) => list.items.find((i) => i.title === title)!;

const uploadFor = (patientId: string, itemId: string, bytes: Uint8Array, name: string) =>
  uploadChecklistDocument(admin, patientId, itemId, bytes, name);

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

describe('enrollment driven by the checklist', () => {
  it('moves not started → in progress → active as items are done, keeping the history, and notifies the facility admin', async () => {
    const id = await newPatient();
    let list = await checklist(id);
    expect(list.enrollment).toMatchObject({
      status: 'not_started',
      progress: { requiredDone: 0, requiredTotal: 4, percent: 0 },
    });

    list = (
      await api(`/api/v1/patients/${id}/checklist/${item(list, 'Welcome call').id}/done`, {
        token: admin,
        body: {},
      })
    ).json;
    expect(list.enrollment.status).toBe('in_progress');

    for (const title of ['Initial assessment', 'Insurance verification']) {
      list = (
        await api(`/api/v1/patients/${id}/checklist/${item(list, title).id}/done`, {
          token: admin,
          body: { note: 'ok' },
        })
      ).json;
    }
    const consent = await uploadFor(id, item(list, 'Signed consent form').id, PDF, 'consent.pdf');
    expect(consent.status).toBe(200);
    expect(consent.json.enrollment.status).toBe('in_progress');
    const meds = await uploadFor(id, item(list, 'Current medication list').id, PDF, 'meds.pdf');
    expect(meds.json.enrollment).toMatchObject({
      status: 'active',
      progress: { requiredDone: 4, requiredTotal: 4, percent: 100 },
    });
    expect((await api(`/api/v1/patients/${id}`, { token: admin })).json.enrollmentStatus).toBe('active');

    const history = (await api(`/api/v1/patients/${id}/status-history`, { token: admin })).json.items;
    expect(
      history.map((h: { fromStatus: string; toStatus: string }) => `${h.fromStatus}>${h.toStatus}`),
    ).toEqual(['not_started>in_progress', 'in_progress>active']);
    // The notice goes out in the administrator's next digest.
    await runCronAt(Date.now() + DIGEST_WINDOW_MS);
    expect(
      (await mailbox()).some(
        (m) => m.recipient === 'fay@checklist.test' && m.subject.includes('now enrolled'),
      ),
    ).toBe(true);
    const stored = await env.FILES.list({ prefix: `org_demo_care_operations/patients/${id}/checklist/` });
    expect(stored.objects).toHaveLength(2);
  });

  it('undo reopens an item and the status follows', async () => {
    const id = await newPatient();
    let list = await checklist(id);
    list = (
      await api(`/api/v1/patients/${id}/checklist/${item(list, 'Initial assessment').id}/done`, {
        token: admin,
        body: {},
      })
    ).json;
    expect(list.enrollment.status).toBe('in_progress');
    list = (
      await api(`/api/v1/patients/${id}/checklist/${item(list, 'Initial assessment').id}/undo`, {
        method: 'POST',
        token: admin,
      })
    ).json;
    expect(list.enrollment.status).toBe('not_started');
  });

  it('refuses the wrong way to complete an item, and disguised uploads', async () => {
    const id = await newPatient();
    const list = await checklist(id);
    const task = await api(`/api/v1/patients/${id}/checklist/${item(list, 'Signed consent form').id}/done`, {
      token: admin,
      body: {},
    });
    expect(task.status).toBe(409);
    expect(task.json.error.message).toBe('"Signed consent form" is done by uploading its document');
    const fake = await uploadFor(
      id,
      item(list, 'Signed consent form').id,
      new TextEncoder().encode('MZ not a pdf'),
      'consent.pdf',
    );
    expect(fake.status).toBe(415);
  });

  it('attaches the page as evidence with its address, title, time and text hash', async () => {
    const id = await newPatient();
    const list = await checklist(id);
    const res = await api(
      `/api/v1/patients/${id}/checklist/${item(list, 'Insurance verification').id}/evidence`,
      {
        token: admin,
        body: {
          url: 'https://payer.example/eligibility/123',
          title: 'Eligibility: active',
          text: 'Coverage active through 2027',
        },
      },
    );
    expect(res.status).toBe(200);
    const evidence = item(res.json, 'Insurance verification') as Item & {
      evidence: { url: string; textSha256: string };
    };
    expect(evidence.done).toBe(true);
    expect(evidence.evidence).toMatchObject({
      url: 'https://payer.example/eligibility/123',
      title: 'Eligibility: active',
    });
    const expected = btoa(
      String.fromCharCode(
        ...new Uint8Array(
          await crypto.subtle.digest('SHA-256', new TextEncoder().encode('Coverage active through 2027')),
        ),
      ),
    )
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(evidence.evidence.textSha256).toBe(expected);
  });
});

describe('overrides and discharge', () => {
  it('lets only permitted roles set a status ahead of the checklist, with a reason, shown until the checklist catches up', async () => {
    const id = await newPatient();
    await checklist(id);
    const coordinator = await loginAs('treatment_coordinator');
    const denied = await api(`/api/v1/patients/${id}/status`, {
      token: coordinator,
      body: { status: 'active', reason: 'urgent admission' },
    });
    expect(denied.status).toBe(403);
    const noReason = await api(`/api/v1/patients/${id}/status`, {
      token: admin,
      body: { status: 'active', reason: '' },
    });
    expect(noReason.status).toBe(400);
    const ok = await api(`/api/v1/patients/${id}/status`, {
      token: admin,
      body: { status: 'active', reason: 'urgent admission' },
    });
    expect(ok.json.enrollment).toMatchObject({
      status: 'active',
      derived: 'not_started',
      overridden: true,
      overrideReason: 'urgent admission',
    });
    const trail = await api(`/api/v1/audit?entityType=patient_enrollment&entityId=${id}`, { token: admin });
    expect(trail.json.items.length).toBeGreaterThan(0);
  });

  it('discharge makes the patient completed', async () => {
    const id = await newPatient();
    await checklist(id);
    const res = await api(`/api/v1/patients/${id}/status`, {
      token: admin,
      body: { status: 'completed', reason: 'discharged home' },
    });
    expect(res.json.enrollment.status).toBe('completed');
  });
});

describe('template changes', () => {
  it('reach patients not yet active, never undo a completed item, and leave active patients alone', async () => {
    const facility = await createFacility(admin, 'Template Towers');
    const template = await api(`/api/v1/checklist-templates/facility-override`, {
      token: admin,
      body: { facilityId: facility },
    });
    expect(template.status).toBe(201);
    const make = async (first: string) =>
      (
        await api('/api/v1/patients', {
          token: admin,
          body: { facilityId: facility, firstName: first, lastName: 'T', dateOfBirth: '1941-01-01' },
        })
      ).json.id as string;
    const open = await make('Open');
    const done = await make('Done');
    const active = await make('Active');
    for (const p of [open, done, active]) await checklist(p);
    let doneList = await checklist(done);
    doneList = (
      await api(`/api/v1/patients/${done}/checklist/${item(doneList, 'Initial assessment').id}/done`, {
        token: admin,
        body: {},
      })
    ).json;
    await api(`/api/v1/patients/${active}/status`, {
      token: admin,
      body: { status: 'active', reason: 'testing templates' },
    });

    const assessment = template.json.items.find((i: { title: string }) => i.title === 'Initial assessment');
    const removed = await api(`/api/v1/checklist-templates/${template.json.id}/items/${assessment.id}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(removed.json.patientsUpdated).toBe(2);
    const added = await api(`/api/v1/checklist-templates/${template.json.id}/items`, {
      token: admin,
      body: { title: 'Pharmacy consent', kind: 'task', required: true },
    });
    expect(added.json.items.map((i: { title: string }) => i.title)).toContain('Pharmacy consent');

    const openList = await checklist(open);
    expect(openList.items.map((i: Item) => i.title)).not.toContain('Initial assessment');
    expect(openList.items.map((i: Item) => i.title)).toContain('Pharmacy consent');
    const doneAfter = await checklist(done);
    expect(item(doneAfter, 'Initial assessment').done).toBe(true);
    expect(doneAfter.items.map((i: Item) => i.title)).toContain('Pharmacy consent');
    const activeAfter = await checklist(active);
    expect(activeAfter.items.map((i: Item) => i.title)).not.toContain('Pharmacy consent');

    // The organisation's other facilities keep the default.
    const other = (await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: admin })).json;
    expect(other.items.map((i: { title: string }) => i.title)).toContain('Initial assessment');
  });

  it('making every item optional is visible, not silent', async () => {
    const facility = await createFacility(admin, 'Optional Oaks');
    const template = (
      await api(`/api/v1/checklist-templates/facility-override`, {
        token: admin,
        body: { facilityId: facility },
      })
    ).json;
    for (const i of template.items) {
      await api(`/api/v1/checklist-templates/${template.id}/items/${i.id}`, {
        method: 'PATCH',
        token: admin,
        body: { required: false },
      });
    }
    const p = (
      await api('/api/v1/patients', {
        token: admin,
        body: { facilityId: facility, firstName: 'O', lastName: 'P', dateOfBirth: '1950-01-01' },
      })
    ).json.id;
    const list = await checklist(p);
    expect(list.enrollment.warnings).toEqual([
      'No item is marked required, so the checklist alone cannot make the patient active.',
    ]);
  });

  it('keeps templates and checklists within the organisation and the role', async () => {
    const id = await newPatient();
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/patients/${id}/checklist`, { token: other })).status).toBe(404);
    expect((await api(`/api/v1/checklist-templates?facilityId=${facilityId}`, { token: other })).status).toBe(
      404,
    );
    const reader = await loginAs('read_only');
    const list = await checklist(id, reader);
    expect(
      (
        await api(`/api/v1/patients/${id}/checklist/${item(list, 'Welcome call').id}/done`, {
          token: reader,
          body: {},
        })
      ).status,
    ).toBe(403);
  });
});

describe('first opens at once', () => {
  it('copy the template once, whatever the race', async () => {
    const id = await newPatient();
    const lists = await Promise.all([checklist(id), checklist(id), checklist(id)]);
    for (const list of lists) expect(list.items).toHaveLength(5);
    expect((await checklist(id)).items).toHaveLength(5);
  });
});
