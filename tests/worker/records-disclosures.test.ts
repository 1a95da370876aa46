import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, loginAs, workerFetch } from './helpers';
import { createRequest, recordsSetup } from './records-helpers';
import { preparedRequest, sendLink, uploadFile } from './records-transfer-helpers';

let admin: string;
let frontDesk: string;
let doctor: string;
let readOnly: string;
let patientId: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

const ELEMENTS = [
  'description',
  'discloser',
  'recipient',
  'purpose',
  'expiration',
  'signature_and_date',
  'revocation_statement',
  'conditioning_statement',
  'redisclosure_statement',
];

beforeAll(async () => {
  ({ admin, frontDesk, doctor, readOnly, patientId, outgoing } = await recordsSetup('Disclosure Facility'));
  const linked = await preparedRequest(
    frontDesk,
    doctor,
    outgoing({ party: { name: 'Rita Records', email: 'rita.own@example.test' } }),
  );
  await sendLink(frontDesk, linked.id);
  const { id } = (
    await createRequest(
      outgoing({
        requesterKind: 'third_party',
        party: { name: 'Dr. Next', organization: 'Next Clinic' },
        purpose: '=HYPERLINK("http://evil.test")',
        deliveryMethod: 'fax',
        faxNumber: '555-0100',
        recordTypes: ['Discharge summary'],
      }),
      frontDesk,
    )
  ).json;
  await uploadFile(frontDesk, id, 'authorization');
  await api(`/api/v1/records-requests/${id}/authorization`, {
    token: frontDesk,
    body: { kind: 'authorization', elements: ELEMENTS },
  });
  for (const [to, token] of [
    ['approved', doctor],
    ['preparing', frontDesk],
    ['sent', frontDesk],
  ] as const)
    await api(`/api/v1/records-requests/${id}/status`, { token, body: { to } });
});

const exportOf = (format: string, token = readOnly) =>
  workerFetch(`${BASE}/api/v1/records-disclosures/${patientId}/${format}/download`, {
    headers: { Authorization: `Bearer ${token}` },
  });

describe('accounting of disclosures', () => {
  it('lists what was released about a patient, to whom, when, why and how', async () => {
    const res = await api(`/api/v1/records-disclosures/${patientId}`, { token: readOnly });
    expect(res.status).toBe(200);
    expect(res.json.patientName).toBe('Rita Records');
    expect(res.json.items).toMatchObject([
      {
        recipientName: 'Dr. Next',
        recipientOrganization: 'Next Clinic',
        recipientAddress: '555-0100',
        description: 'Discharge summary (2024-01-01 to 2025-12-31)',
        method: 'fax',
        toPatient: false,
      },
      {
        recipientName: 'Rita Records',
        recipientAddress: 'rita.own@example.test',
        description: 'Visit notes, Lab results (2024-01-01 to 2025-12-31): Visit notes.pdf',
        purpose: 'Personal use',
        method: 'secure_link',
        toPatient: true,
      },
    ]);
  });

  it('exports as CSV with formulas defused, and as PDF, each export audited', async () => {
    const csv = await exportOf('csv');
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Released at","Recipient","Sent to","What was released","Purpose","Method","To the patient"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Dr. Next, Next Clinic","555-0100"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"")","Fax","no"`);
    const pdf = await exportOf('pdf');
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const audit = await api(`/api/v1/audit?entityType=records_disclosures&action=export`, { token: admin });
    expect(audit.json.items.map((e: { detail: { format: string } }) => e.detail.format).sort()).toEqual([
      'csv',
      'pdf',
    ]);
  });

  it('answers another organisation like a missing patient, and refuses bad queries', async () => {
    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/records-disclosures/${patientId}`, { token: other })).status).toBe(404);
    expect((await exportOf('csv', other)).status).toBe(404);
    expect((await api('/api/v1/records-disclosures', { token: readOnly })).status).toBe(404);
    expect((await exportOf('xls')).status).toBe(400);
  });
});
