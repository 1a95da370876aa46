/**
 * What the public form page (/f/<token>) calls: open a link (here), save a
 * draft (save-draft.ts), submit (submit-form.ts). No one is signed in; the token is the only key, and a link that is
 * unknown, malformed or cancelled answers exactly like one that never
 * existed. Closed links and refused answers are outcomes, not exceptions, so
 * the page can show the right notice or the fields' errors.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { intakeRequests, intakeTemplates, intakeTemplateVersions, organizations } from '../../../db/schema';
import type { Answers, AnswerValue, FileAnswer, FormDefinition } from '../../../shared/intake/definition';
import type { AuditEntry, AuditLog } from '../../lib/audit-log';
import { addressBucket, countHit } from '../../lib/rate-limit';
import { TenantDb } from '../../lib/tenant-db';
import { iso, MINUTE } from '../../lib/time';
import { formTokenHash } from './form-token';
import { effectiveStatus, OPEN_STATUSES } from './request-status';
import { loadSubject } from './subject';

/** A link that cannot be filled in: the page shows the matching notice. */
export type ClosedForm =
  | { outcome: 'unknown' }
  | { outcome: 'expired'; organizationName: string }
  | { outcome: 'submitted'; organizationName: string };

export type OpenForm = {
  outcome: 'open';
  requestId: string;
  organizationId: string;
  organizationName: string;
  templateName: string;
  /** The version number the link is pinned to. */
  version: number;
  status: 'opened' | 'in_progress';
  expiresAt: string;
  definition: FormDefinition;
  /** What the practice already knew, by field id, for the person to confirm. */
  prefill: Answers;
  /** The person's saved answers ({} before the first save). */
  draft: Answers;
  /** What the form shows: the saved draft, or the prefill until the first save (which starts from it). */
  answers: Answers;
  /** The record's date of birth, for the minor rule when the form does not ask it. */
  subjectDateOfBirth?: string;
  /** YYYY-MM-DD (UTC): the day the minor rule is judged on. */
  today: string;
};

export type AnswersRefused = { outcome: 'invalid'; errors: Record<string, string>; answers: Answers };
export type DraftSaved = { outcome: 'saved'; savedAt: string; answers: Answers };
export type FormSubmitted = { outcome: 'done'; submissionId: string; organizationName: string };

export type AnswerOptions = {
  /** The answers are one section's: merged into the saved draft (other sections keep theirs). */
  sectionId?: string;
  /** File ids the caller stored for this request just now; any other file answer must already be in the draft. */
  uploadedFileIds?: string[];
  /** File fields whose saved file the person removed (with `sectionId`, files not posted are kept). */
  removedFileFields?: string[];
};

export type Loaded = {
  request: typeof intakeRequests.$inferSelect;
  definition: FormDefinition;
  version: number;
  templateName: string;
  organizationName: string;
};

export const UNKNOWN: ClosedForm = { outcome: 'unknown' };
export const today = (now: number) => iso(now).slice(0, 10);

export function put(record: Answers, key: string, value: AnswerValue) {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
export const own = (answers: Answers | null | undefined, id: string) =>
  answers && Object.hasOwn(answers, id) ? answers[id] : undefined;

export async function load(db: Db, token: string, now: number): Promise<Loaded | ClosedForm> {
  const hash = await formTokenHash(token);
  if (!hash) return UNKNOWN;
  const [row] = await db
    .select({
      request: intakeRequests,
      definition: intakeTemplateVersions.definition,
      version: intakeTemplateVersions.version,
      templateName: intakeTemplates.name,
      organizationName: organizations.name,
    })
    .from(intakeRequests)
    .innerJoin(intakeTemplateVersions, eq(intakeTemplateVersions.id, intakeRequests.versionId))
    .innerJoin(intakeTemplates, eq(intakeTemplates.id, intakeRequests.templateId))
    .innerJoin(organizations, eq(organizations.id, intakeRequests.organizationId))
    .where(eq(intakeRequests.tokenHash, hash))
    .limit(1);
  if (!row || row.request.status === 'cancelled') return UNKNOWN;
  const status = effectiveStatus(row.request, now);
  if (status === 'submitted') return { outcome: 'submitted', organizationName: row.organizationName };
  if (status === 'expired') return { outcome: 'expired', organizationName: row.organizationName };
  return row;
}

export const isClosed = (loaded: Loaded | ClosedForm): loaded is ClosedForm => 'outcome' in loaded;

/** Events of a public form belong to the organisation, with no actor. */
export const asPublic = (request: Loaded['request'], entry: AuditEntry): AuditEntry => ({
  ...entry,
  organizationId: request.organizationId,
  actorUserId: null,
});

/** The current link still holds: not renewed, cancelled or submitted meanwhile. */
export const stillOpen = (request: Loaded['request']) =>
  and(
    eq(intakeRequests.id, request.id),
    eq(intakeRequests.tokenHash, request.tokenHash),
    inArray(intakeRequests.status, OPEN_STATUSES),
  ) as SQL;

export async function recordDateOfBirth(db: Db, request: Loaded['request']) {
  const subject = await loadSubject(new TenantDb(db, request.organizationId), request);
  return subject?.row.dateOfBirth ?? undefined;
}

/**
 * Opens the form behind a link. The first open marks the request opened;
 * every open is audited as a read with no actor (the page shows what the
 * practice knows of the person).
 */
export async function openByToken(
  db: Db,
  audit: AuditLog,
  token: string,
  now = Date.now(),
): Promise<OpenForm | ClosedForm> {
  const loaded = await load(db, token, now);
  if (isClosed(loaded)) return loaded;
  const { request } = loaded;
  audit.actor = { organizationId: request.organizationId, userId: null };
  const read = asPublic(request, {
    action: 'read',
    entityType: 'intake_request',
    entityId: request.id,
    detail: { via: 'form_link' },
  });
  let status = request.status as OpenForm['status'] | 'sent';
  if (status === 'sent') {
    await db.batch([
      db
        .update(intakeRequests)
        .set({ status: 'opened', openedAt: iso(now), updatedAt: iso(now) })
        .where(and(stillOpen(request), eq(intakeRequests.status, 'sent')) as SQL),
      audit.statement({ ...read, detail: { via: 'form_link', firstOpen: true } }),
    ]);
    status = 'opened';
  } else {
    audit.record(read);
  }
  return {
    outcome: 'open',
    requestId: request.id,
    organizationId: request.organizationId,
    organizationName: loaded.organizationName,
    templateName: loaded.templateName,
    version: loaded.version,
    status,
    expiresAt: request.expiresAt,
    definition: loaded.definition,
    prefill: request.prefill,
    draft: request.draftAnswers ?? {},
    answers: request.draftAnswers ?? request.prefill,
    subjectDateOfBirth: await recordDateOfBirth(db, request),
    today: today(now),
  };
}

/**
 * One section's answers over the saved ones: that section's fields take what
 * was posted, other sections keep theirs. A file not posted again stays
 * unless the person removed it (a page re-posts no file input it already stored).
 */
export function mergeSection(
  definition: FormDefinition,
  saved: Answers,
  posted: Answers,
  sectionId: string,
  removedFileFields: string[] = [],
): Answers {
  const section = definition.sections.find((s) => s.id === sectionId);
  const inSection = new Set(section?.fields.map((f) => f.id) ?? []);
  const out: Answers = {};
  for (const [id, value] of Object.entries(saved)) if (!inSection.has(id)) put(out, id, value);
  for (const field of section?.fields ?? []) {
    const value =
      own(posted, field.id) ??
      (field.type === 'file' && !removedFileFields.includes(field.id) ? own(saved, field.id) : undefined);
    if (value !== undefined) put(out, field.id, value);
  }
  return out;
}

export const isFileAnswer = (value: unknown): value is FileAnswer =>
  !!value && typeof value === 'object' && !Array.isArray(value) && 'fileId' in value;

/** A file answer must name a file stored for this request: one just uploaded, or the one already saved. */
export function foreignFiles(
  definition: FormDefinition,
  answers: Answers,
  saved: Answers,
  uploaded: string[],
) {
  const errors: Record<string, string> = {};
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    const value = own(answers, field.id);
    if (!isFileAnswer(value)) continue;
    const before = own(saved, field.id);
    if (uploaded.includes(value.fileId) || (isFileAnswer(before) && before.fileId === value.fileId)) continue;
    put(errors as Answers, field.id, 'Choose the file again');
  }
  return errors;
}

/** The answers a save or submit stands for: the draft (until the first save, the prefill) with the post over it. */
export function answersFor(loaded: Loaded, posted: Answers, options: AnswerOptions) {
  const saved = loaded.request.draftAnswers ?? loaded.request.prefill;
  const answers = options.sectionId
    ? mergeSection(loaded.definition, saved, posted, options.sectionId, options.removedFileFields)
    : posted;
  return {
    answers,
    fileErrors: foreignFiles(loaded.definition, answers, saved, options.uploadedFileIds ?? []),
  };
}

export const PUBLIC_FORM_LIMITS = {
  /** Every page view, step and draft save of one link. */
  perLink: { hits: 120, windowMs: 10 * MINUTE },
  /** One address across links (a phone behind a clinic's Wi-Fi shares it with others). */
  perAddress: { hits: 300, windowMs: 10 * MINUTE },
} as const;

/**
 * Counts one hit of the public form, per link and per address; past either
 * limit it throws the 429 AppError with Retry-After (the page shows its
 * "please wait" notice). Keys hold a prefix of the token's hash, never the token.
 */
export async function countFormHit(db: Db, input: { token: string; ip: string | null }, now = Date.now()) {
  const message = 'Too many attempts with this form. Please wait a few minutes and try again.';
  await countHit(
    db,
    `intake-address:${addressBucket(input.ip)}`,
    PUBLIC_FORM_LIMITS.perAddress.hits,
    PUBLIC_FORM_LIMITS.perAddress.windowMs,
    message,
    now,
  );
  const hash = (await formTokenHash(input.token))?.slice(0, 22) ?? 'malformed';
  await countHit(
    db,
    `intake-link:${hash}`,
    PUBLIC_FORM_LIMITS.perLink.hits,
    PUBLIC_FORM_LIMITS.perLink.windowMs,
    message,
    now,
  );
}
