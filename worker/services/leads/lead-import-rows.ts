import { parseHumanDate } from '../../../shared/calendar-date';
import { guardianProblem } from '../../../shared/guardian';
import type { LeadImportField } from '../../../shared/import/lead-columns';
import { nameKey, splitFullName, tidyName } from '../../../shared/roster/names';
import { leadCreateSchema } from '../../../shared/schemas/leads';
import { phoneKey } from './phone-key';

export type RowProblem = { field: string; issue: string };
export type RawLeadRow = Partial<Record<LeadImportField, unknown>>;

/** What the organisation's names in a lead list are matched against, lower-cased. */
export type LeadImportLookups = {
  sources: Map<string, string>;
  stages: Map<string, string>;
  firstStageId: string;
  /** Active members who may look after leads, by email and by name. */
  coordinators: Map<string, string>;
  /** Whether the person importing may assign leads to coordinators. */
  mayAssign: boolean;
};

export type CheckedLead = {
  firstName: string;
  lastName: string;
  nameKey: string;
  email: string | null;
  phone: string | null;
  phoneKey: string | null;
  dateOfBirth: string | null;
  sourceId: string | null;
  stageId: string;
  coordinatorId: string | null;
  notes: string | null;
  /** When the other system received the inquiry (ISO time), so the analytics count it on its own day. */
  inquiryAt: string | null;
};

const text = (v: unknown) =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim();

/** An export's timestamp as written (2026-03-04T10:15:00Z) or a calendar day, read as midnight UTC. */
function inquiryTime(value: unknown, today: Date): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const raw = text(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw)) {
    const at = new Date(raw);
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  }
  const day = parseHumanDate(value, today);
  return day ? `${day}T00:00:00.000Z` : null;
}

/** The row's cells as the person should see them, names split as they will be saved. */
export function leadDisplayValues(raw: RawLeadRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, v] of Object.entries(raw))
    out[field] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  if (out.fullName && !(out.firstName && out.lastName)) {
    const split = splitFullName(out.fullName);
    out.firstName ||= split.firstName;
    out.lastName ||= split.lastName;
  }
  delete out.fullName;
  return out;
}

/**
 * One row of a lead list to a lead, or the problems that stop it, each on
 * its field: the same rules as a lead typed in the panel (names, an email or
 * a phone, text without control characters, a responsible party for a
 * minor), plus source, stage and coordinator named as the organisation names
 * them, and dates that are real and not in the future.
 */
export function checkLeadRow(
  raw: RawLeadRow,
  lookups: LeadImportLookups,
  today: Date,
): { value: CheckedLead | null; errors: RowProblem[] } {
  const errors: RowProblem[] = [];
  const shown = leadDisplayValues(raw);
  const todayIso = today.toISOString().slice(0, 10);

  let dateOfBirth: string | undefined;
  if (raw.dateOfBirth !== undefined) {
    const dob = parseHumanDate(raw.dateOfBirth, today);
    if (!dob)
      errors.push({
        field: 'dateOfBirth',
        issue: `"${shown.dateOfBirth}" is not a date (try 6/19/1984 or 1984-06-19)`,
      });
    else if (dob > todayIso) errors.push({ field: 'dateOfBirth', issue: 'Date of birth is in the future' });
    else dateOfBirth = dob;
  }

  const parsed = leadCreateSchema.safeParse({
    firstName: tidyName(shown.firstName ?? ''),
    lastName: tidyName(shown.lastName ?? ''),
    email: raw.email === undefined ? undefined : text(raw.email),
    phone: raw.phone === undefined ? undefined : text(raw.phone),
    dateOfBirth,
    notes: raw.notes === undefined ? undefined : text(raw.notes),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      errors.push({ field: String(issue.path[0] ?? 'email'), issue: issue.message });
  const phone = parsed.success ? parsed.data.phone : undefined;
  if (phone && (phoneKey(phone)?.length ?? 0) < 7)
    errors.push({ field: 'phone', issue: `"${phone}" is not a phone number` });

  const sourceId =
    raw.source === undefined ? null : (lookups.sources.get(text(raw.source).toLowerCase()) ?? null);
  if (raw.source !== undefined && !sourceId)
    errors.push({
      field: 'source',
      issue: `No lead source is called "${text(raw.source)}"; add it under Pipeline and sources`,
    });
  const stageId =
    raw.stage === undefined ? lookups.firstStageId : lookups.stages.get(text(raw.stage).toLowerCase());
  if (!stageId) errors.push({ field: 'stage', issue: `No pipeline stage is called "${text(raw.stage)}"` });
  let coordinatorId: string | null = null;
  if (raw.coordinator !== undefined) {
    coordinatorId = lookups.coordinators.get(text(raw.coordinator).toLowerCase()) ?? null;
    if (!lookups.mayAssign)
      errors.push({ field: 'coordinator', issue: 'Your role cannot assign leads to coordinators' });
    else if (!coordinatorId)
      errors.push({
        field: 'coordinator',
        issue: `"${text(raw.coordinator)}" is not a member who looks after leads`,
      });
  }
  const inquiryAt = raw.inquiryDate === undefined ? null : inquiryTime(raw.inquiryDate, today);
  if (raw.inquiryDate !== undefined && !inquiryAt)
    errors.push({
      field: 'inquiryDate',
      issue: `"${shown.inquiryDate}" is not a date (try 3/1/2026 or 2026-03-01)`,
    });
  else if (inquiryAt && inquiryAt > today.toISOString())
    errors.push({ field: 'inquiryDate', issue: 'The inquiry date is in the future' });

  if (errors.length || !parsed.success || !stageId) return { value: null, errors };
  const lead = parsed.data;
  const guardian = guardianProblem(lead, null, todayIso);
  if (guardian) return { value: null, errors: [{ field: 'dateOfBirth', issue: guardian.message }] };
  return {
    value: {
      firstName: lead.firstName,
      lastName: lead.lastName,
      nameKey: nameKey(lead.firstName, lead.lastName),
      email: lead.email ?? null,
      phone: lead.phone ?? null,
      phoneKey: phoneKey(lead.phone),
      dateOfBirth: lead.dateOfBirth ?? null,
      sourceId,
      stageId,
      coordinatorId,
      notes: lead.notes ?? null,
      inquiryAt,
    },
    errors,
  };
}
