import { and, eq, sql } from 'drizzle-orm';
import { referralLetters, referrals } from '../../../db/schema';
import type { LetterKind } from '../../../shared/referral-letters';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

export type LetterEvent =
  | 'thank_you'
  | 'consultation'
  | 'treatment_started'
  | 'completed'
  | `progress_${number}`;

/** A queued letter row for an event of a referral (the organisation is set by the caller's insert). */
export function letterRow(
  referral: { id: string; providerId: string },
  event: LetterEvent,
  kind: LetterKind,
  now = iso(),
) {
  return {
    id: newId('ltr'),
    referralId: referral.id,
    providerId: referral.providerId,
    event,
    kind,
    status: 'queued',
    createdAt: now,
  };
}

/**
 * Queues the letter of `event` unless this referral already has one: insert
 * or ignore on the (organisation, referral, event) key, so a repeated event,
 * a retried request or a second cron run never queues it twice. A queued
 * consultation letter that was not sent yet follows a corrected outcome.
 */
export function queueLetter(
  tenant: TenantDb,
  referral: { id: string; providerId: string },
  event: LetterEvent,
  kind: LetterKind,
) {
  const insert = tenant.insert(referralLetters, letterRow(referral, event, kind));
  if (event !== 'consultation') return insert.onConflictDoNothing();
  return insert.onConflictDoUpdate({
    target: [referralLetters.organizationId, referralLetters.referralId, referralLetters.event],
    set: { kind },
    setWhere: sql`${referralLetters.status} = 'queued'`,
  });
}

/** The incoming referrals a lead came with: their letters follow the lead's events. */
export function incomingReferralsOfLead(tenant: TenantDb, leadId: string) {
  return tenant.selectFields(
    { id: referrals.id, providerId: referrals.providerId },
    referrals,
    and(eq(referrals.leadId, leadId), eq(referrals.direction, 'incoming')),
  );
}
