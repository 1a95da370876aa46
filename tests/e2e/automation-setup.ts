import { adminToken } from './panel';

type Json = Record<string, unknown> & { id: string };
const DAY = 86_400_000;
export const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A JSON call as the demo administrator (GET, POST or PUT), failing loudly. */
export async function adminCall(origin: string, path: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await adminToken(origin)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { items: Json[] } & Json;
}

export type SyncedCase = {
  externalId: string;
  patientId: string;
  name: string;
  expiresInDays: number;
  maxSessions: number;
  /** Past sessions attended in the case. */
  attended: number;
};

/**
 * Cases and their attended sessions as the booking system would sync them:
 * upserts by external id, so running it again changes nothing.
 */
export async function syncCases(origin: string, facilityId: string, cases: SyncedCase[]) {
  await adminCall(origin, '/api/v1/cases/upsert', 'POST', {
    items: cases.map((c) => ({
      externalId: c.externalId,
      patientId: c.patientId,
      facilityId,
      name: c.name,
      status: 'open',
      issueDate: dayFromNow(-60),
      expiryDate: dayFromNow(c.expiresInDays),
      maxSessions: c.maxSessions,
      invoiceableCents: 50_000,
    })),
  });
  const appointments = cases.flatMap((c) =>
    Array.from({ length: c.attended }, (_, i) => ({
      externalId: `${c.externalId}-s${i + 1}`,
      patientId: c.patientId,
      caseExternalId: c.externalId,
      facilityId,
      startsAt: `${dayFromNow(-30 + i * 7)}T15:00:00Z`,
      endsAt: `${dayFromNow(-30 + i * 7)}T16:00:00Z`,
      type: 'Therapy session',
      status: 'attended',
      invoicedCents: 12_000,
    })),
  );
  if (appointments.length)
    await adminCall(origin, '/api/v1/appointments/upsert', 'POST', { items: appointments });
}

/** A message template by name, made when missing; answers its id. */
export async function ensureTemplate(origin: string, name: string) {
  const found = (await adminCall(origin, '/api/v1/message-templates')).items.find((t) => t.name === name);
  if (found) return found.id;
  return (
    await adminCall(origin, '/api/v1/message-templates', 'POST', {
      name,
      channel: 'email',
      category: 'case_updates',
      subject: 'Referral {{case.name}} expires {{case.expiryDate}}',
      body: '{{case.sessionsLeft}} sessions left at {{location.name}}.',
    })
  ).id;
}

/** For the screen tour: a case for the patient, a template and a draft rule, so each automation screen has content. */
export async function ensureTourAutomation(origin: string, facilityId: string, patientId: string) {
  await syncCases(origin, facilityId, [
    {
      externalId: 'tour-case-1',
      patientId,
      name: 'Tour physio',
      expiresInDays: 20,
      maxSessions: 8,
      attended: 2,
    },
  ]);
  const templateId = await ensureTemplate(origin, 'Tour: referral expiring');
  const rules = (await adminCall(origin, '/api/v1/automation-rules')).items;
  if (rules.some((r) => (r.definition as { name: string }).name === 'Tour rule')) return;
  await adminCall(origin, '/api/v1/automation-rules', 'POST', {
    name: 'Tour rule',
    category: 'case_updates',
    type: 'relative',
    relativeField: 'expiryDate',
    offsetDays: -14,
    population: 'cases',
    facilityIds: [facilityId],
    conditions: {
      match: 'all',
      conditions: [
        { field: 'sessionsLeft', op: 'gt', value: 0 },
        { match: 'any', conditions: [{ field: 'percentBooked', op: 'lt', value: 50 }] },
      ],
    },
    actions: [{ kind: 'email', templateId, membershipId: 'mem_demo_front_desk' }],
  });
}
