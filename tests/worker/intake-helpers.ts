import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import type { Db } from '../../db/client';
import type { FormDefinition } from '../../shared/intake/definition';
import worker from '../../worker/index';
import { AuditLog } from '../../worker/lib/audit-log';
import { api, BASE, db } from './helpers';

export const CONSENT_TEXT = 'I agree to treatment and to the practice billing my insurance.';

/** A short form: who the person is (pre-filled), one condition, and a consent with a signature. */
export function shortForm(medsLabel = 'Do you take any medicines?'): FormDefinition {
  return {
    title: 'Short intake',
    sections: [
      {
        id: 'about',
        title: 'About the patient',
        fields: [
          { id: 'first_name', type: 'short_text', label: 'First name', required: true, prefill: 'firstName' },
          { id: 'last_name', type: 'short_text', label: 'Last name', required: true, prefill: 'lastName' },
          { id: 'dob', type: 'date', label: 'Date of birth', required: true, prefill: 'dateOfBirth' },
          { id: 'email', type: 'email', label: 'Email', prefill: 'email' },
          { id: 'phone', type: 'phone', label: 'Phone', prefill: 'phone' },
        ],
      },
      {
        id: 'health',
        title: 'Health',
        fields: [
          { id: 'takes_meds', type: 'yes_no', label: medsLabel, required: true },
          {
            id: 'meds',
            type: 'long_text',
            label: 'Which ones?',
            required: true,
            showWhen: [{ field: 'takes_meds', op: 'equals', value: true }],
          },
        ],
      },
      {
        id: 'consent',
        title: 'Consent',
        fields: [
          { id: 'agree', type: 'consent', label: 'I agree', text: CONSENT_TEXT, required: true },
          { id: 'signature', type: 'signature', label: 'Signature', required: true, guardianIfMinor: true },
        ],
      },
    ],
  };
}

/** Complete answers to `shortForm` for an adult signing for themselves. */
export function adultAnswers(over: Record<string, unknown> = {}) {
  return {
    first_name: 'Ann',
    last_name: 'Adult',
    dob: '1980-05-05',
    takes_meds: true,
    meds: 'Ibuprofen',
    agree: true,
    signature: { kind: 'typed', value: 'Ann Adult', signerName: 'Ann Adult' },
    ...over,
    // biome-ignore lint/suspicious/noExplicitAny: answers of any shape, to test what the engine refuses
  } as any;
}

/** A template of `definition` with one published version. */
export async function publishedTemplate(token: string, name: string, definition = shortForm()) {
  const created = await api('/api/v1/intake-templates', { token, body: { name, definition } });
  if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${created.text}`);
  const published = await api(`/api/v1/intake-templates/${created.json.id}/publish`, {
    token,
    method: 'POST',
  });
  if (published.status !== 201) throw new Error(`publishing ${name}: ${published.status} ${published.text}`);
  return { templateId: created.json.id as string, versionId: published.json.id as string };
}

export async function createLead(token: string, body: Record<string, unknown>) {
  const res = await api('/api/v1/leads', { token, body });
  if (res.status !== 201) throw new Error(`creating a lead: ${res.status} ${res.text}`);
  return res.json.lead.id as string;
}

export async function createPatient(token: string, facilityId: string, body: Record<string, unknown>) {
  const res = await api('/api/v1/patients', { token, body: { facilityId, ...body } });
  if (res.status !== 201) throw new Error(`creating a patient: ${res.status} ${res.text}`);
  return res.json.id as string;
}

export async function sendForm(token: string, body: Record<string, unknown>) {
  return api('/api/v1/intake-requests', { token, body });
}

/** The token at the end of a form link. */
export function tokenOf(link: string): string {
  const match = link.match(new RegExp(`^${BASE}/f/([A-Za-z0-9_-]{43})$`));
  if (!match) throw new Error(`not a form link: ${link}`);
  return match[1]!;
}

export const CLIENT = { ip: '198.51.100.7', userAgent: 'TestPhone/1.0' };

/**
 * Calls a public-form service as the page would: no one signed in, the
 * phone's address and browser in the audit log, queued reads written after.
 */
export async function asPublic<T>(call: (db: Db, audit: AuditLog) => Promise<T>): Promise<T> {
  const d = db();
  const audit = new AuditLog(d, { ...CLIENT, requestId: 'public-form-test' });
  const out = await call(d, audit);
  const [first, ...rest] = audit.drain();
  if (first) await d.batch([first, ...rest]);
  return out;
}

/** The cron trigger, through the worker's own scheduled handler. */
export async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

/** Audit events of one entity, as an administrator lists them. */
export async function auditOf(adminToken: string, entityType: string, entityId: string) {
  const res = await api(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}&limit=200`, {
    token: adminToken,
  });
  if (res.status !== 200) throw new Error(`audit: ${res.status} ${res.text}`);
  return res.json.items as {
    action: string;
    actorUserId: string | null;
    outcome: string;
    ip: string | null;
    detail: Record<string, unknown> | null;
  }[];
}
