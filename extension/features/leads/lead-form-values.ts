import { plainOrigin } from '../../capture/origin-words';
import type { CapturedLead } from '../../capture/types';
import type { LeadCapture } from '../../utils/messages';
import type { Lead, Source } from './lead-api-types';

export const EMPTY = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  dateOfBirth: '',
  guardianName: '',
  guardianRelationship: '',
  guardianEmail: '',
  guardianPhone: '',
  sourceId: '',
  coordinatorId: '',
  notes: '',
};
export type Values = typeof EMPTY;
export const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/** The form's starting values from a capture, with the capture's email subject and snippet as notes. */
function fromCapture(c: CapturedLead): Values {
  const notes = [
    c.fields.referrer ? `Referred by ${c.fields.referrer}` : '',
    c.fields.notes ??
      [c.subject ? `Subject: ${c.subject}` : '', c.snippet ?? ''].filter(Boolean).join('\n\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    ...EMPTY,
    firstName: c.fields.firstName ?? '',
    lastName: c.fields.lastName ?? '',
    email: c.fields.email ?? '',
    phone: c.fields.phone ?? '',
    dateOfBirth: c.fields.dateOfBirth ?? '',
    guardianName: c.fields.guardianName ?? '',
    guardianRelationship: c.fields.guardianRelationship ?? '',
    guardianEmail: c.fields.guardianEmail ?? '',
    notes: notes.slice(0, 4000),
  };
}

function fromLead(l: Lead): Values {
  return {
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email ?? '',
    phone: l.phone ?? '',
    dateOfBirth: l.dateOfBirth ?? '',
    guardianName: l.responsibleParty?.name ?? '',
    guardianRelationship: l.responsibleParty?.relationship ?? '',
    guardianEmail: l.responsibleParty?.email ?? '',
    guardianPhone: l.responsibleParty?.phone ?? '',
    sourceId: l.sourceId ?? '',
    coordinatorId: l.coordinatorId ?? '',
    notes: l.notes ?? '',
  };
}

/** What the form starts with: the lead being edited, or a capture with the source its channel suggests. */
export function startValues(lead: Lead | undefined, capture: LeadCapture | undefined, sources: Source[]) {
  if (lead) return fromLead(lead);
  const start = capture ? fromCapture(capture) : EMPTY;
  // A named referring dentist makes it a referral, whatever channel it arrived by.
  // Then what the page says of how they heard about the practice, then how it arrived.
  const channel = capture?.fields.referrer ? 'referral' : (capture?.sourceChannel ?? capture?.channel ?? '');
  const source =
    sources.find((s) => s.active && s.channel === channel) ??
    sources.find((s) => s.active && s.channel === capture?.channel);
  return { ...start, sourceId: source?.id ?? '' };
}

/** Where a prefilled value came from, shown under its field until the person changes it. */
export function provenance(
  capture: CapturedLead | undefined,
  key: keyof CapturedLead['fields'],
  value: string,
) {
  const from = capture?.from[key];
  return from && capture?.fields[key] === value ? `From ${plainOrigin(from)}` : undefined;
}

/** The duplicate check's question: only identifiers complete enough to match on. */
export function matchQuery(v: Values) {
  const complete = (e: string) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e.trim()) ? e.trim() : undefined);
  return {
    firstName: opt(v.firstName),
    lastName: opt(v.lastName),
    email: complete(v.email),
    responsiblePartyEmail: complete(v.guardianEmail),
    phone: v.phone.replace(/\D/g, '').length >= 7 ? v.phone.trim() : undefined,
    dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) ? v.dateOfBirth : undefined,
  };
}

/** A new lead as the API takes it, with where it was captured from. */
export function createBody(v: Values, capture: LeadCapture | undefined, canAssign: boolean) {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    email: opt(v.email)?.toLowerCase(),
    phone: opt(v.phone),
    dateOfBirth: opt(v.dateOfBirth),
    responsibleParty: v.guardianName.trim()
      ? {
          name: v.guardianName.trim(),
          relationship: v.guardianRelationship.trim() || 'Parent or guardian',
          email: opt(v.guardianEmail),
          phone: opt(v.guardianPhone),
        }
      : undefined,
    sourceId: opt(v.sourceId),
    coordinatorId: canAssign ? opt(v.coordinatorId) : undefined,
    notes: opt(v.notes),
    capture: capture
      ? {
          url: /^https?:/.test(capture.url) ? capture.url.slice(0, 2000) : undefined,
          title: opt(capture.title)?.slice(0, 500),
          capturedAt: capture.capturedAt,
          channel: capture.channel,
        }
      : undefined,
  };
}

/** An edit: emptied fields are cleared (null), and the capture and coordinator are not the form's to change. */
export function updateBody(v: Values) {
  const { capture: _, coordinatorId: __, ...fields } = createBody(v, undefined, false);
  const blank = (x: string | undefined) => x ?? null;
  return {
    ...fields,
    email: blank(fields.email),
    phone: blank(fields.phone),
    dateOfBirth: blank(fields.dateOfBirth),
    responsibleParty: fields.responsibleParty ?? null,
    sourceId: blank(fields.sourceId),
    notes: blank(fields.notes),
  };
}
