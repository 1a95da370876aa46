import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { leads, referrals, referringProviders } from '../../../db/schema';
import type {
  OUTGOING_STATUSES,
  REFERRAL_CHANNELS,
  REFERRAL_DIRECTIONS,
  Referral,
} from '../../../shared/schemas/referrals';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import { displayName } from './provider-view';

export type ReferralRow = typeof referrals.$inferSelect;

/**
 * Referrals with their provider's name and the patient: the referral's own,
 * or the patient its lead became (attribution survives conversion).
 */
export function referralsWhere(tenant: TenantDb, where: SQL | undefined) {
  return tenant.join(
    {
      referral: referrals,
      firstName: referringProviders.firstName,
      lastName: referringProviders.lastName,
      credentials: referringProviders.credentials,
      leadPatientId: sql<string | null>`${leads.patientId}`,
    },
    referrals,
    [
      { table: referringProviders, on: eq(referringProviders.id, referrals.providerId) },
      { table: leads, on: eq(leads.id, referrals.leadId), left: true },
    ],
    where,
  );
}

type Joined = Awaited<ReturnType<typeof referralsWhere>>[number];

export function toReferral(j: Joined): Referral {
  const r = j.referral;
  return {
    id: r.id,
    direction: r.direction as (typeof REFERRAL_DIRECTIONS)[number],
    providerId: r.providerId,
    providerName: displayName(j),
    leadId: r.leadId,
    patientId: r.patientId ?? j.leadPatientId ?? null,
    referralDate: r.referralDate,
    reason: r.reason,
    channel: r.channel as (typeof REFERRAL_CHANNELS)[number],
    status: (r.status as (typeof OUTGOING_STATUSES)[number] | null) ?? null,
    slip:
      r.slipKey && r.slipName && r.slipType
        ? { name: r.slipName, contentType: r.slipType, size: r.slipSize ?? 0 }
        : null,
    revenueCents: r.revenueCents,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function getReferralRecord(tenant: TenantDb, id: string) {
  const [row] = await referralsWhere(tenant, eq(referrals.id, id)).limit(1);
  if (!row) throw notFound('Referral');
  return toReferral(row);
}

export async function referralsByIds(tenant: TenantDb, ids: string[]) {
  if (!ids.length) return [];
  return (await referralsWhere(tenant, inArray(referrals.id, ids))).map(toReferral);
}
