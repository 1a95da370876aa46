import { eq } from 'drizzle-orm';
import { referralLetterTemplates } from '../../../db/schema';
import {
  BUILT_IN_LETTERS,
  LETTER_FIELDS,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  type LetterKind,
  type LetterText,
} from '../../../shared/referral-letters';
import type { LetterTemplate, LetterTemplateInput } from '../../../shared/schemas/referral-letters';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

type TemplateRow = typeof referralLetterTemplates.$inferSelect;

function toTemplate(kind: LetterKind, row: TemplateRow | undefined): LetterTemplate {
  const text = row ?? BUILT_IN_LETTERS[kind];
  return {
    kind,
    label: LETTER_KIND_LABELS[kind],
    subject: text.subject,
    body: text.body,
    builtIn: !row,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Every letter kind with the text in use (the organisation's or the built-in), and the merge fields. */
export async function listLetterTemplates(tenant: TenantDb) {
  const rows = new Map((await tenant.select(referralLetterTemplates)).map((r) => [r.kind, r]));
  return {
    items: LETTER_KINDS.map((kind) => toTemplate(kind, rows.get(kind))),
    fields: Object.entries(LETTER_FIELDS).map(([name, label]) => ({ name, label })),
  };
}

export async function letterText(tenant: TenantDb, kind: LetterKind): Promise<LetterText> {
  const [row] = await tenant.select(referralLetterTemplates, eq(referralLetterTemplates.kind, kind));
  return row ?? BUILT_IN_LETTERS[kind];
}

/** The organisation's own text for a kind (the schema has refused unknown merge fields). */
export async function saveLetterTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  kind: LetterKind,
  input: LetterTemplateInput,
) {
  const row = { kind, ...input, updatedBy: userId, updatedAt: iso() };
  await tenant.batch([
    tenant.insert(referralLetterTemplates, row).onConflictDoUpdate({
      target: [referralLetterTemplates.organizationId, referralLetterTemplates.kind],
      set: row,
    }),
    audit.statement({ action: 'update', entityType: 'referral_letter_template', entityId: kind }),
  ]);
  const [saved] = await tenant.select(referralLetterTemplates, eq(referralLetterTemplates.kind, kind));
  return toTemplate(kind, saved);
}

/** Back to the built-in text. */
export async function resetLetterTemplate(tenant: TenantDb, audit: AuditLog, kind: LetterKind) {
  await tenant.batch([
    tenant.delete(referralLetterTemplates, eq(referralLetterTemplates.kind, kind)),
    audit.statement({ action: 'delete', entityType: 'referral_letter_template', entityId: kind }),
  ]);
  return toTemplate(kind, undefined);
}
