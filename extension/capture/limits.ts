import type { CapturedLead } from './types';

/** The leads API's limits (shared/schemas/leads.ts): a capture that exceeds them would be refused. */
const FIELD_LIMITS = {
  firstName: 80,
  lastName: 80,
  email: 254,
  phone: 40,
  dateOfBirth: 10,
  notes: 4000,
  guardianName: 120,
  guardianRelationship: 60,
  guardianEmail: 254,
  referrer: 120,
} as const;
const TITLE_LIMIT = 500;
const URL_LIMIT = 2000;
const SUBJECT_LIMIT = 500;
const SNIPPET_LIMIT = 400;

/** At most `max` UTF-16 units, never half of a surrogate pair. */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(max - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

export function withinLimits(lead: CapturedLead): CapturedLead {
  const fields: CapturedLead['fields'] = {};
  for (const [key, max] of Object.entries(FIELD_LIMITS) as [keyof typeof FIELD_LIMITS, number][]) {
    const value = lead.fields[key]?.trim();
    if (value) fields[key] = cap(value, max).trim();
  }
  const from: CapturedLead['from'] = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) from[key] = lead.from[key] ?? 'page';
  const capped: CapturedLead = {
    fields,
    from,
    channel: lead.channel,
    url: cap(lead.url, URL_LIMIT),
    title: cap(lead.title.replace(/\s+/g, ' ').trim(), TITLE_LIMIT),
  };
  if (lead.subject) capped.subject = cap(lead.subject, SUBJECT_LIMIT);
  if (lead.snippet) capped.snippet = cap(lead.snippet, SNIPPET_LIMIT);
  if (lead.heard) capped.heard = cap(lead.heard, 200);
  if (lead.sourceChannel) capped.sourceChannel = lead.sourceChannel;
  return capped;
}
