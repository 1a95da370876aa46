import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { leads, patients, referrals, referringProviders } from '../../../db/schema';
import type {
  ReferralCreate,
  ReferralUpdate,
  ReferralWithLead,
  referralListQuerySchema,
} from '../../../shared/schemas/referrals';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { planLead, toLead } from '../leads/leads';
import { listSources } from '../leads/pipeline';
import { queueLetter } from '../referral-letters/queue-letters';
import { getReferralRecord, referralsWhere, toReferral } from './referral-view';

async function assertProvider(tenant: TenantDb, id: string) {
  const [p] = await tenant.select(referringProviders, eq(referringProviders.id, id));
  if (!p)
    throw new AppError('validation_failed', 'Unknown referring provider', [
      { path: 'providerId', issue: 'unknown provider' },
    ]);
  if (p.mergedInto)
    throw new AppError('validation_failed', 'That entry was merged; use the provider it was merged into', [
      { path: 'providerId', issue: 'merged' },
    ]);
  return p;
}

async function assertLinks(tenant: TenantDb, input: { leadId?: string | null; patientId?: string | null }) {
  if (input.leadId) {
    const [lead] = await tenant.select(leads, eq(leads.id, input.leadId));
    if (!lead)
      throw new AppError('validation_failed', 'Unknown lead', [{ path: 'leadId', issue: 'unknown lead' }]);
  }
  if (input.patientId) {
    const [patient] = await tenant.select(patients, eq(patients.id, input.patientId));
    if (!patient)
      throw new AppError('validation_failed', 'Unknown patient', [
        { path: 'patientId', issue: 'unknown patient' },
      ]);
  }
}

function referralRow(
  auth: AuthContext,
  id: string,
  input: Omit<ReferralCreate, 'direction'> & { direction: 'incoming' | 'outgoing' },
) {
  const now = iso();
  return {
    id,
    direction: input.direction,
    providerId: input.providerId,
    leadId: input.leadId ?? null,
    patientId: input.patientId ?? null,
    referralDate: input.referralDate,
    reason: input.reason || null,
    channel: input.channel,
    status: input.direction === 'outgoing' ? (input.status ?? 'sent') : null,
    createdBy: auth.userId,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Records a referral: incoming from a referrer (its thank-you letter queued with it), or outgoing to
 * a specialist (status `sent` to start).
 */
export async function createReferral(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: ReferralCreate,
) {
  await assertProvider(tenant, input.providerId);
  await assertLinks(tenant, input);
  const id = newId('ref');
  const thanks =
    input.direction === 'incoming'
      ? [queueLetter(tenant, { id, providerId: input.providerId }, 'thank_you', 'thank_you')]
      : [];
  await tenant.batch([
    tenant.insert(referrals, referralRow(auth, id, input)),
    ...thanks,
    audit.statement({
      action: 'create',
      entityType: 'referral',
      entityId: id,
      detail: { direction: input.direction, providerId: input.providerId, leadId: input.leadId ?? null },
    }),
  ]);
  return getReferralRecord(tenant, id);
}

/**
 * A referral and the lead it brings, in one batch: the lead's source is the
 * organisation's referral source, so reports attribute it to the referrer.
 */
export async function createReferralWithLead(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: ReferralWithLead,
) {
  await assertProvider(tenant, input.providerId);
  const sources = await listSources(tenant);
  const source = sources.find((s) => s.channel === 'referral' && s.active);
  const lead = await planLead(tenant, audit, auth, {
    ...input.lead,
    sourceId: source?.id,
    capture: { channel: 'referral' },
  });
  const id = newId('ref');
  await tenant.batch([
    ...lead.statements,
    tenant.insert(referrals, referralRow(auth, id, { ...input, direction: 'incoming', leadId: lead.id })),
    queueLetter(tenant, { id, providerId: input.providerId }, 'thank_you', 'thank_you'),
    audit.statement({
      action: 'create',
      entityType: 'referral',
      entityId: id,
      detail: { direction: 'incoming', providerId: input.providerId, leadId: lead.id },
    }),
  ]);
  return {
    referral: await getReferralRecord(tenant, id),
    lead: toLead(await tenant.get(leads, lead.id, 'Lead')),
    likelyDuplicates: lead.duplicates,
  };
}

export async function readReferral(tenant: TenantDb, audit: AuditLog, id: string) {
  const referral = await getReferralRecord(tenant, id);
  audit.record({ action: 'read', entityType: 'referral', entityId: id });
  return referral;
}

export async function updateReferral(tenant: TenantDb, audit: AuditLog, id: string, input: ReferralUpdate) {
  const row = await tenant.get(referrals, id, 'Referral');
  if (input.status && row.direction !== 'outgoing')
    throw new AppError('validation_failed', 'Only an outgoing referral has a status', [
      { path: 'status', issue: 'incoming referral' },
    ]);
  if (input.revenueCents !== undefined && row.direction !== 'incoming')
    throw new AppError('validation_failed', 'Only an incoming referral brings revenue', [
      { path: 'revenueCents', issue: 'outgoing referral' },
    ]);
  await assertLinks(tenant, input);
  await tenant.batch([
    tenant.update(
      referrals,
      {
        ...(input.referralDate ? { referralDate: input.referralDate } : {}),
        ...(input.reason !== undefined ? { reason: input.reason || null } : {}),
        ...(input.channel ? { channel: input.channel } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.leadId !== undefined ? { leadId: input.leadId } : {}),
        ...(input.patientId !== undefined ? { patientId: input.patientId } : {}),
        ...(input.revenueCents !== undefined ? { revenueCents: input.revenueCents } : {}),
        updatedAt: iso(),
      },
      eq(referrals.id, id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'referral',
      entityId: id,
      detail: { fields: Object.keys(input), status: input.status ?? null },
    }),
  ]);
  return getReferralRecord(tenant, id);
}

/** Newest first by referral date, for a provider, a lead or the whole practice, in keyset pages. */
export async function listReferrals(
  tenant: TenantDb,
  audit: AuditLog,
  query: z.infer<typeof referralListQuerySchema>,
) {
  const rows = await referralsWhere(
    tenant,
    and(
      query.providerId ? eq(referrals.providerId, query.providerId) : undefined,
      query.leadId ? eq(referrals.leadId, query.leadId) : undefined,
      query.direction ? eq(referrals.direction, query.direction) : undefined,
      afterCursor(referrals.referralDate, referrals.id, decodeCursor(query.cursor), 'desc'),
    ),
  )
    .orderBy(desc(referrals.referralDate), desc(referrals.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows.map(toReferral), query.limit, (r) => r.referralDate);
  audit.record({
    action: 'list',
    entityType: 'referral',
    detail: { count: page.items.length, providerId: query.providerId ?? null, leadId: query.leadId ?? null },
  });
  return page;
}
