import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, createFacility, loginAs, seed, workerFetch } from './helpers';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

let admin: string;
let facilityId: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
  facilityId = await createFacility(admin, 'Paper Trail Home');
});

async function upload(
  token: string,
  bytes: Uint8Array,
  fileName: string,
  kind = 'facility_agreement',
  type = 'application/pdf',
) {
  const form = new FormData();
  form.append('file', new File([bytes], fileName, { type }));
  form.append('kind', kind);
  const res = await workerFetch(`${BASE}/api/v1/facilities/${facilityId}/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'CF-Connecting-IP': '203.0.113.5' },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  return { status: res.status, json: (await res.json()) as any };
}

describe('facility documents', () => {
  it('stores an upload in R2, lists it with its facts, and downloads the same bytes', async () => {
    const res = await upload(admin, PDF, 'Facility Agreement 2026.pdf');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      kind: 'facility_agreement',
      fileName: 'Facility Agreement 2026.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.byteLength,
      uploadedBy: 'usr_demo_clinic_admin',
    });
    const list = await api(`/api/v1/facilities/${facilityId}/documents`, { token: admin });
    expect(list.json.items.map((d: { id: string }) => d.id)).toContain(res.json.id);

    const download = await workerFetch(
      `${BASE}/api/v1/facilities/${facilityId}/documents/${res.json.id}/download`,
      {
        headers: { Authorization: `Bearer ${await loginAs('billing')}` },
      },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Disposition')).toBe(
      'attachment; filename="Facility Agreement 2026.pdf"',
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
  });

  it('judges the type by the bytes, not by the name or the declared type', async () => {
    const disguised = await upload(admin, PNG, 'agreement.pdf', 'facility_agreement', 'application/pdf');
    expect(disguised.status).toBe(415);
    expect(disguised.json.error.message).toBe(
      'This file is a PNG image, but its name says .pdf; rename it and try again',
    );
    const program = await upload(
      admin,
      new TextEncoder().encode('MZ\x90\x00 this is not a document'),
      'contract.pdf',
    );
    expect(program.status).toBe(415);
    expect(program.json.error.message).toBe('Upload a PDF, an image (PNG or JPEG) or a Word document');
    const image = await upload(
      admin,
      PNG,
      'signed-page.png',
      'contract_material',
      'application/octet-stream',
    );
    expect(image.status).toBe(201);
    expect(image.json.contentType).toBe('image/png');
  });

  it('refuses files over 25 MB, empty files, unknown kinds and non-multipart bodies', async () => {
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await upload(admin, big, 'huge.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.code).toBe('payload_too_large');
    expect((await upload(admin, new Uint8Array(0), 'empty.pdf')).status).toBe(400);
    expect((await upload(admin, PDF, 'x.pdf', 'love_letter')).json.error.details[0].path).toBe('kind');
    const json = await api(`/api/v1/facilities/${facilityId}/documents`, {
      token: admin,
      body: { file: 'x' },
    });
    expect(json.status).toBe(415);
  });

  it('deletes a document: the file is gone from R2 and the deletion is recorded', async () => {
    const { json: doc } = await upload(admin, PDF, 'old.pdf');
    const objects = await env.FILES.list({
      prefix: `org_demo_care_operations/facilities/${facilityId}/documents/${doc.id}`,
    });
    expect(objects.objects).toHaveLength(1);
    const del = await api(`/api/v1/facilities/${facilityId}/documents/${doc.id}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(del.status).toBe(204);
    expect(await env.FILES.get(objects.objects[0]!.key)).toBeNull();
    const list = await api(`/api/v1/facilities/${facilityId}/documents`, { token: admin });
    expect(list.json.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect(
      (await api(`/api/v1/facilities/${facilityId}/documents/${doc.id}/download`, { token: admin })).status,
    ).toBe(404);
    const trail = await api(`/api/v1/audit?entityType=facility_document&entityId=${doc.id}`, {
      token: admin,
    });
    expect(trail.json.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete']);
  });

  it('keeps documents from other organisations and from roles without access', async () => {
    const { json: doc } = await upload(admin, PDF, 'private.pdf');
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/facilities/${facilityId}/documents`, { token: other })).status).toBe(404);
    expect(
      (await api(`/api/v1/facilities/${facilityId}/documents/${doc.id}/download`, { token: other })).status,
    ).toBe(404);
    const coordinator = await loginAs('treatment_coordinator');
    expect((await upload(coordinator, PDF, 'nope.pdf')).status).toBe(403);
    expect(
      (
        await api(`/api/v1/facilities/${facilityId}/documents/${doc.id}`, {
          method: 'DELETE',
          token: coordinator,
        })
      ).status,
    ).toBe(403);
  });
});
