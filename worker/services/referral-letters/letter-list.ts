import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  leads,
  patients,
  referralLetters,
  referralPractices,
  referrals,
  referringProviders,
} from '../../../db/schema';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/referral-letters';
import type {
  LETTER_SEND_WAYS,
  LETTER_STATUSES,
  Letter,
  letterListQuerySchema,
} from '../../../shared/schemas/referral-letters';
import { notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { displayName } from '../referrals/provider-view';

/** Letters with their provider (name, where email goes, preference) and the patient's name. */
function lettersWhere(tenant: TenantDb, where: SQL | undefined) {
  return tenant.join(
    {
      letter: referralLetters,
      firstName: referringProviders.firstName,
      lastName: referringProviders.lastName,
      credentials: referringProviders.credentials,
      providerEmail: referringProviders.email,
      practiceEmail: referralPractices.email,
      letterPreference: referringProviders.letterPreference,
      leadName: sql<string | null>`${leads.firstName} || ' ' || ${leads.lastName}`,
      patientName: sql<string | null>`${patients.firstName} || ' ' || ${patients.lastName}`,
    },
    referralLetters,
    [
      { table: referringProviders, on: eq(referringProviders.id, referralLetters.providerId) },
      { table: referralPractices, on: eq(referralPractices.id, referringProviders.practiceId) },
      { table: referrals, on: eq(referrals.id, referralLetters.referralId) },
      { table: leads, on: eq(leads.id, referrals.leadId), left: true },
      {
        table: patients,
        on: eq(patients.id, sql`coalesce(${referrals.patientId}, ${leads.patientId})`),
        left: true,
      },
    ],
    where,
  );
}

type Joined = Awaited<ReturnType<typeof lettersWhere>>[number];

function toLetter(j: Joined): Letter {
  const l = j.letter;
  return {
    id: l.id,
    referralId: l.referralId,
    providerId: l.providerId,
    providerName: displayName(j),
    providerEmail: j.providerEmail ?? j.practiceEmail ?? null,
    letterPreference: j.letterPreference,
    patientName: j.patientName ?? j.leadName ?? '',
    event: l.event,
    kind: l.kind as LetterKind,
    label: LETTER_KIND_LABELS[l.kind as LetterKind] ?? l.kind,
    status: l.status as (typeof LETTER_STATUSES)[number],
    sentVia: (l.sentVia as (typeof LETTER_SEND_WAYS)[number] | null) ?? null,
    sentTo: l.sentTo,
    sentAt: l.sentAt,
    createdAt: l.createdAt,
  };
}

export async function letterRecord(tenant: TenantDb, id: string) {
  const [row] = await lettersWhere(tenant, eq(referralLetters.id, id)).limit(1);
  if (!row) throw notFound('Letter');
  return { letter: toLetter(row), row: row.letter };
}

/** Newest first: the queue (`status=queued`), a provider's or a referral's letters. */
export async function listLetters(
  tenant: TenantDb,
  audit: AuditLog,
  query: z.infer<typeof letterListQuerySchema>,
) {
  const rows = await lettersWhere(
    tenant,
    and(
      query.status ? eq(referralLetters.status, query.status) : undefined,
      query.providerId ? eq(referralLetters.providerId, query.providerId) : undefined,
      query.referralId ? eq(referralLetters.referralId, query.referralId) : undefined,
      afterCursor(referralLetters.createdAt, referralLetters.id, decodeCursor(query.cursor)),
    ),
  )
    .orderBy(desc(referralLetters.createdAt), desc(referralLetters.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows.map(toLetter), query.limit);
  audit.record({
    action: 'list',
    entityType: 'referral_letter',
    detail: { count: page.items.length, status: query.status ?? null, providerId: query.providerId ?? null },
  });
  return page;
}
