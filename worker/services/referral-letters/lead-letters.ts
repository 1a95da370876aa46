import { and, eq, inArray } from 'drizzle-orm';
import { referralLetters, referrals, referringProviders } from '../../../db/schema';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/referral-letters';
import type { TenantDb } from '../../lib/tenant-db';
import { displayName } from '../referrals/provider-view';

const VIA: Record<string, string> = { email: 'by email', fax: 'for fax', mail: 'for mail' };

/**
 * The letters sent to referrers about a lead (through the referrals it came
 * with), as entries of its timeline: which letter, to whom and how, when, by
 * whom. The letter's text stays on the letter, read (and audited) there.
 */
export async function sentLettersOfLead(tenant: TenantDb, leadId: string) {
  // The lead's referrals first (by their lead), then their letters (by referral).
  const ids = (await tenant.selectFields({ id: referrals.id }, referrals, eq(referrals.leadId, leadId))).map(
    (r) => r.id,
  );
  if (!ids.length) return [];
  const rows = await tenant.join(
    {
      id: referralLetters.id,
      referralId: referralLetters.referralId,
      providerId: referralLetters.providerId,
      kind: referralLetters.kind,
      sentVia: referralLetters.sentVia,
      sentAt: referralLetters.sentAt,
      sentBy: referralLetters.sentBy,
      firstName: referringProviders.firstName,
      lastName: referringProviders.lastName,
      credentials: referringProviders.credentials,
    },
    referralLetters,
    [{ table: referringProviders, on: eq(referringProviders.id, referralLetters.providerId) }],
    and(inArray(referralLetters.referralId, ids), eq(referralLetters.status, 'sent')),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: 'referral_letter',
    text: `${LETTER_KIND_LABELS[r.kind as LetterKind] ?? r.kind} letter sent to ${displayName(r)} ${VIA[r.sentVia ?? ''] ?? ''}`.trim(),
    detail: { letterId: r.id, referralId: r.referralId, providerId: r.providerId, sentVia: r.sentVia },
    createdBy: r.sentBy ?? '',
    createdAt: r.sentAt ?? '',
  }));
}
