import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordsLinks } from '../../db/schema';
import { api, BASE, createFacility, db, loginAs, workerFetch } from './helpers';
import { createRequest, recordsSetup } from './records-helpers';
import {
  codeFor,
  enterCode,
  PDF,
  PNG,
  pathOf,
  preparedRequest,
  RECIPIENT_IP,
  sendLink,
  uploadFile,
  visit,
} from './records-transfer-helpers';

let admin: string;
let frontDesk: string;
let doctor: string;
let readOnly: string;
let patientId: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ admin, frontDesk, doctor, readOnly, patientId, outgoing } =
    await recordsSetup('Records Transfer Facility'));
});

let mailCounter = 0;
/** Each test's recipient has an address of its own, so its codes are found in the mailbox. */
const recipient = () => `recipient${++mailCounter}@example.test`;

async function prepared(email = recipient()) {
  const request = await preparedRequest(
    frontDesk,
    doctor,
    outgoing({ party: { name: 'Rita Records', email } }),
  );
  return { ...request, email };
}

const links = async (id: string, token = readOnly) =>
  (await api(`/api/v1/records-requests/${id}/links`, { token })).json.items;
const request = async (id: string) => (await api(`/api/v1/records-requests/${id}`, { token: readOnly })).json;

describe('secure transfer of outgoing records', () => {
  it('sends a link behind a one-time code, logs every view and download, and completes the request', async () => {
    const { id, fileId, email } = await prepared();
    const sent = await sendLink(frontDesk, id, { maxDownloads: 2 });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({
      purpose: 'download',
      state: 'active',
      recipientEmail: email,
      fileIds: [fileId],
    });
    expect((await request(id)).status).toBe('sent');
    const path = pathOf(sent.json.url);

    const first = await visit(path);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('One-time code');
    expect((await visit(`${path}/files/${fileId}`)).status).toBe(303);
    expect((await enterCode(path, '00000000')).status).toBe(400);
    const code = await codeFor(email);
    const accepted = await enterCode(path, code);
    expect(accepted.status).toBe(303);
    expect(accepted.cookie).toMatch(/^records_grant=/);
    // The code works once.
    const again = await enterCode(path, code);
    expect(again.status).toBe(400);
    expect(again.text).toContain('no longer works');

    const page = await visit(path, { cookie: accepted.cookie });
    expect(await page.text()).toContain('Download Visit notes.pdf');
    const file = await visit(`${path}/files/${fileId}`, { cookie: accepted.cookie });
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Disposition')).toBe('attachment; filename="Visit notes.pdf"');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    expect(await request(id)).toMatchObject({ status: 'completed', open: false });
    const [link] = await links(id);
    expect(link).toMatchObject({ downloads: 1, state: 'active' });
    const kinds = link.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['sent', 'view', 'code_refused', 'code_accepted', 'download']),
    );
    const download = link.events.find((e: { kind: string }) => e.kind === 'download');
    expect(download).toMatchObject({ fileId, ip: RECIPIENT_IP, userAgent: 'RecipientBrowser/1.0' });
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items;
    const released = timeline.find((e: { kind: string }) => e.kind === 'released');
    expect(released.detail).toMatchObject({ recipient: email, files: ['Visit notes.pdf'] });
    const audit = await api(`/api/v1/audit?entityType=records_file&entityId=${fileId}&action=export`, {
      token: admin,
    });
    expect(audit.json.items[0]).toMatchObject({ actorUserId: null, ip: RECIPIENT_IP });
  });

  it('stops after the set number of downloads', async () => {
    const { id, fileId, email } = await prepared();
    const path = pathOf((await sendLink(frontDesk, id, { maxDownloads: 1 })).json.url);
    const { cookie } = await enterCode(path, await codeFor(email));
    expect((await visit(`${path}/files/${fileId}`, { cookie })).status).toBe(200);
    expect((await visit(`${path}/files/${fileId}`, { cookie })).status).toBe(410);
    expect((await visit(path, { cookie })).status).toBe(410);
    expect((await links(id))[0]).toMatchObject({ downloads: 1, state: 'used_up' });
  });

  it('stops at its expiry', async () => {
    const { id, fileId, email } = await prepared();
    const sent = await sendLink(frontDesk, id, { expiresInDays: 1 });
    const path = pathOf(sent.json.url);
    const { cookie } = await enterCode(path, await codeFor(email));
    await db()
      .update(recordsLinks)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(recordsLinks.id, sent.json.id));
    expect((await visit(path, { cookie })).status).toBe(410);
    expect((await visit(`${path}/files/${fileId}`, { cookie })).status).toBe(410);
    expect((await links(id))[0]).toMatchObject({ downloads: 0, state: 'expired' });
  });

  it('is revoked at once by someone who may send records, and then answers like an unknown link', async () => {
    const { id, fileId, email } = await prepared();
    const sent = await sendLink(frontDesk, id);
    const path = pathOf(sent.json.url);
    const { cookie } = await enterCode(path, await codeFor(email));
    const revokePath = `/api/v1/records-requests/${id}/links/${sent.json.id}/revoke`;
    expect((await api(revokePath, { token: readOnly, method: 'POST' })).status).toBe(403);
    const revoked = await api(revokePath, { token: frontDesk, method: 'POST' });
    expect(revoked.json).toMatchObject({ state: 'revoked' });
    expect((await api(revokePath, { token: frontDesk, method: 'POST' })).status).toBe(409);
    const page = await visit(path, { cookie });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('could not find anything at this address');
    expect((await visit(`${path}/files/${fileId}`, { cookie })).status).toBe(404);
    expect((await visit('/r/not-a-token')).status).toBe(404);
  });

  it('voids the code after five wrong tries; a new code, asked for on the page, works once', async () => {
    const { id, email } = await prepared();
    const path = pathOf((await sendLink(frontDesk, id)).json.url);
    const original = await codeFor(email);
    const wrong = original === '11111111' ? '22222222' : '11111111';
    for (let i = 0; i < 5; i++) expect((await enterCode(path, wrong)).status).toBe(400);
    const locked = await enterCode(path, original);
    expect(locked.status).toBe(400);
    expect(locked.text).toContain('no longer works');
    const asked = await visit(`${path}/new-code`, { method: 'POST' });
    expect(await asked.text()).toContain('A new code is on its way');
    const fresh = await codeFor(email);
    expect((await enterCode(path, fresh)).status).toBe(303);
    const crossSite = await workerFetch(`${BASE}${path}/new-code`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.test' },
    });
    expect(crossSite.status).toBe(403);
    const events = (await links(id))[0].events.map((e: { kind: string }) => e.kind);
    expect(events.filter((k: string) => k === 'code_refused')).toHaveLength(6);
    expect(events).toContain('code_sent');
  });

  it('keeps links and files to their organisation', async () => {
    const { id, fileId, email } = await prepared();
    const sent = await sendLink(frontDesk, id);
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/records-requests/${id}/links`, { token: other })).status).toBe(404);
    expect((await api(`/api/v1/records-requests/${id}/documents`, { token: other })).status).toBe(404);
    expect(
      (
        await api(`/api/v1/records-requests/${id}/links/${sent.json.id}/revoke`, {
          token: other,
          method: 'POST',
        })
      ).status,
    ).toBe(404);
    expect((await sendLink(other, id)).status).toBe(404);
    const download = await workerFetch(`${BASE}/api/v1/records-requests/${id}/documents/${fileId}/download`, {
      headers: { Authorization: `Bearer ${other}` },
    });
    expect(download.status).toBe(404);

    // The other organisation's own link cannot reach this organisation's file, even with a valid grant.
    const facility = await createFacility(other, 'Other Records Home');
    const otherPatient = (
      await api('/api/v1/patients', {
        token: other,
        body: { facilityId: facility, firstName: 'Otto', lastName: 'Other', dateOfBirth: '1960-01-01' },
      })
    ).json.id;
    const otherEmail = recipient();
    const theirs = await preparedRequest(
      other,
      other,
      outgoing({ patientId: otherPatient, party: { name: 'Otto Other', email: otherEmail } }),
    );
    const theirPath = pathOf((await sendLink(other, theirs.id)).json.url);
    const { cookie } = await enterCode(theirPath, await codeFor(otherEmail));
    expect((await visit(`${theirPath}/files/${fileId}`, { cookie })).status).toBe(404);
    expect((await visit(`${theirPath}/files/${theirs.fileId}`, { cookie })).status).toBe(200);
    // And a grant of one link opens no other.
    const ours = pathOf(sent.json.url);
    expect((await visit(`${ours}/files/${fileId}`, { cookie })).status).toBe(303);
    expect(email).not.toBe(otherEmail);
  });

  it('checks files and permissions before anything is stored or sent', async () => {
    const { id } = (await createRequest(outgoing(), frontDesk)).json;
    expect((await uploadFile(frontDesk, id, 'release')).status).toBe(409);
    expect((await sendLink(frontDesk, id)).status).toBe(409);
    const ready = await prepared();
    const word = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await uploadFile(frontDesk, ready.id, 'release', word, 'notes.doc')).status).toBe(415);
    expect((await uploadFile(frontDesk, ready.id, 'release', PDF, 'notes.png')).status).toBe(415);
    expect((await uploadFile(frontDesk, ready.id, 'nonsense')).status).toBe(400);
    expect((await uploadFile(readOnly, ready.id, 'release')).status).toBe(403);
    expect((await uploadFile(doctor, ready.id, 'release')).status).toBe(403);
    expect((await uploadFile(frontDesk, ready.id, 'release', PNG, 'scan.png')).status).toBe(201);
    for (const body of [
      { expiresInDays: 0 },
      { maxDownloads: 50 },
      { email: 'nope' },
      { fileIds: [] },
      { x: 1 },
    ]) {
      const res = await sendLink(frontDesk, ready.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    expect((await sendLink(frontDesk, ready.id, { fileIds: ['rfl_unknown'] })).status).toBe(400);
    expect((await sendLink(doctor, ready.id)).status).toBe(403);
    const files = (await api(`/api/v1/records-requests/${ready.id}/documents`, { token: readOnly })).json
      .items;
    expect(files.map((f: { kind: string; fileName: string }) => `${f.kind}:${f.fileName}`)).toEqual([
      'release:Visit notes.pdf',
      'release:scan.png',
    ]);
  });
});

describe('incoming records', () => {
  const incoming = (email: string) =>
    outgoing({
      direction: 'incoming',
      requesterKind: 'third_party',
      party: { name: 'Dr. Previous', organization: 'Old Clinic', email },
      purpose: 'Continuity of care',
      deliveryMethod: 'secure_link',
    });

  it('arrive once through an upload link, are filed to the patient and complete "Records received"', async () => {
    const facility = await createFacility(admin, 'Records Received Home');
    const template = await api('/api/v1/checklist-templates/facility-override', {
      token: admin,
      body: { facilityId: facility },
    });
    await api(`/api/v1/checklist-templates/${template.json.id}/items`, {
      token: admin,
      body: { title: 'Records received', kind: 'task', required: false },
    });
    const patient = (
      await api('/api/v1/patients', {
        token: admin,
        body: { facilityId: facility, firstName: 'Nina', lastName: 'New', dateOfBirth: '1948-04-04' },
      })
    ).json.id;
    const email = recipient();
    const { id } = (await createRequest({ ...incoming(email), patientId: patient }, frontDesk)).json;
    const sent = await api(`/api/v1/records-requests/${id}/upload-link`, { token: frontDesk, body: {} });
    expect(sent.status).toBe(201);
    const path = pathOf(sent.json.url);
    expect(await (await visit(path)).text()).toContain('Upload the records');

    const post = (files: File[], site = 'same-origin') => {
      const form = new FormData();
      for (const f of files) form.append('files', f);
      return workerFetch(`${BASE}${path}/upload`, {
        method: 'POST',
        headers: { 'CF-Connecting-IP': RECIPIENT_IP, 'Sec-Fetch-Site': site },
        body: form,
      });
    };
    expect((await post([new File([PDF], 'chart.pdf')], 'cross-site')).status).toBe(403);
    const refused = await post([
      new File([PDF], 'chart.pdf'),
      new File([new Uint8Array([1, 2, 3])], 'x.pdf'),
    ]);
    expect(refused.status).toBe(415);
    expect(await refused.text()).toContain('Upload a PDF');
    expect((await request(id)).status).toBe('requested');
    const done = await post([new File([PDF], 'chart.pdf'), new File([PNG], 'ecg.png')]);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('The records were uploaded');
    expect((await visit(path)).status).toBe(410);

    expect((await request(id)).status).toBe('records_received');
    const files = (await api(`/api/v1/records-requests/${id}/documents`, { token: readOnly })).json.items;
    expect(files).toMatchObject([
      { kind: 'received', fileName: 'chart.pdf', uploadedBy: null },
      { kind: 'received', fileName: 'ecg.png', uploadedBy: null },
    ]);
    const filed = await api(`/api/v1/records-requests/${id}/status`, {
      token: frontDesk,
      body: { to: 'filed' },
    });
    expect(filed.json.status).toBe('filed');
    const checklist = (await api(`/api/v1/patients/${patient}/checklist`, { token: admin })).json;
    expect(checklist.items.find((i: { title: string }) => i.title === 'Records received')).toMatchObject({
      done: true,
    });
  });

  it('can also be uploaded from the panel', async () => {
    const { id } = (await createRequest({ ...incoming(recipient()), patientId }, frontDesk)).json;
    expect((await uploadFile(frontDesk, id, 'release')).status).toBe(409);
    expect((await uploadFile(frontDesk, id, 'received')).status).toBe(201);
    expect((await request(id)).status).toBe('records_received');
    const outgoingId = (await createRequest(outgoing(), frontDesk)).json.id;
    expect(
      (await api(`/api/v1/records-requests/${outgoingId}/upload-link`, { token: frontDesk, body: {} }))
        .status,
    ).toBe(409);
  });
});
