import { and, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import { referralPractices, referrals, referringProviders } from '../../../db/schema';
import type {
  ProviderCandidate,
  ProviderCreate,
  ProviderMatch,
  ProviderUpdate,
} from '../../../shared/schemas/referrals';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AddressVerifier } from '../address/address-verifier';
import type { AuthContext } from '../auth/session-context';
import { newPracticeRow } from './practices';
import { displayName, type PracticeRow, providerNameKey, providersView, searchKey } from './provider-view';

/**
 * Likely the same person: the same NPI, the same email (normalised by the
 * schema), or the same name at the same practice. Merged entries are left out.
 */
export async function findProviderMatches(
  tenant: TenantDb,
  input: ProviderMatch,
  exceptId?: string,
): Promise<ProviderCandidate[]> {
  const key = providerNameKey(input.firstName, input.lastName);
  let practiceKey = input.practiceName ? searchKey(input.practiceName) : null;
  if (input.practiceId) {
    const [p] = await tenant.select(referralPractices, eq(referralPractices.id, input.practiceId));
    practiceKey = p ? p.nameKey : practiceKey;
  }
  const conditions: SQL[] = [];
  if (input.npi) conditions.push(eq(referringProviders.npi, input.npi));
  if (input.email) conditions.push(eq(referringProviders.email, input.email));
  if (practiceKey)
    conditions.push(
      and(eq(referringProviders.nameKey, key), eq(referringProviders.practiceKey, practiceKey)) as SQL,
    );
  if (!conditions.length) return [];
  const rows = await tenant
    .join(
      { provider: referringProviders, practice: referralPractices },
      referringProviders,
      [{ table: referralPractices, on: eq(referralPractices.id, referringProviders.practiceId) }],
      and(
        or(...conditions),
        isNull(referringProviders.mergedInto),
        exceptId ? ne(referringProviders.id, exceptId) : undefined,
      ),
    )
    .limit(20);
  return rows.map(({ provider: r, practice }) => ({
    id: r.id,
    displayName: displayName(r),
    practiceName: practice.name,
    city: practice.city,
    reasons: [
      ...(input.npi && r.npi === input.npi ? ['same NPI'] : []),
      ...(input.email && r.email === input.email ? ['same email'] : []),
      ...(practiceKey && r.nameKey === key && r.practiceKey === practiceKey
        ? ['same name at the same practice']
        : []),
    ],
  }));
}

/** Refuses a save that duplicates someone: always for an NPI, otherwise unless the person said to save anyway. */
function assertNoDuplicates(candidates: ProviderCandidate[], allowDuplicate: boolean) {
  const sameNpi = candidates.filter((c) => c.reasons.includes('same NPI'));
  const blocking = allowDuplicate ? sameNpi : candidates;
  if (!blocking.length) return;
  throw new AppError(
    'conflict',
    sameNpi.length
      ? `${sameNpi[0]!.displayName} already has this NPI`
      : 'This provider may already be in the directory',
    blocking.map((c) => ({
      path: `candidates.${c.id}`,
      issue: `${c.displayName}, ${c.practiceName} (${c.city}): ${c.reasons.join(', ')}`,
    })),
  );
}

function assertLetterRoute(
  preference: string,
  provider: { email: string | null },
  practice: Pick<PracticeRow, 'fax' | 'email'>,
) {
  if (preference === 'fax' && !practice.fax)
    throw new AppError('validation_failed', 'Letters by fax need the practice fax number', [
      { path: 'letterPreference', issue: 'no fax number' },
    ]);
  if (preference === 'email' && !provider.email && !practice.email)
    throw new AppError('validation_failed', 'Letters by email need an email address', [
      { path: 'letterPreference', issue: 'no email address' },
    ]);
}

export async function createProvider(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: ProviderCreate,
  verifier: AddressVerifier,
) {
  const candidates = await findProviderMatches(tenant, {
    firstName: input.firstName,
    lastName: input.lastName,
    npi: input.npi,
    email: input.email,
    practiceId: input.practiceId,
    practiceName: input.practice?.name,
  });
  assertNoDuplicates(candidates, input.allowDuplicate);
  const practice = input.practiceId
    ? await tenant.get(referralPractices, input.practiceId, 'Practice')
    : await newPracticeRow(verifier, newId('rpr'), input.practice!);
  const isNewPractice = !input.practiceId;
  assertLetterRoute(input.letterPreference, { email: input.email ?? null }, practice);
  const id = newId('rfp');
  const now = iso();
  await tenant.batch([
    ...(isNewPractice ? [tenant.insert(referralPractices, practice)] : []),
    tenant.insert(referringProviders, {
      id,
      practiceId: practice.id,
      firstName: input.firstName,
      lastName: input.lastName,
      nameKey: providerNameKey(input.firstName, input.lastName),
      practiceKey: practice.nameKey,
      cityKey: searchKey(practice.city),
      credentials: input.credentials || null,
      npi: input.npi ?? null,
      email: input.email ?? null,
      specialty: input.specialty,
      letterPreference: input.letterPreference,
      notes: input.notes || null,
      active: true,
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    }),
    audit.statement({
      action: 'create',
      entityType: 'referring_provider',
      entityId: id,
      detail: { practiceId: practice.id, newPractice: isNewPractice, duplicatesIgnored: candidates.length },
    }),
  ]);
  return getProviderRecord(tenant, id);
}

export async function getProviderRecord(tenant: TenantDb, id: string) {
  const row = await tenant.get(referringProviders, id, 'Referring provider');
  const [provider] = await providersView(tenant, [row]);
  return provider!;
}

export async function readProvider(tenant: TenantDb, audit: AuditLog, id: string) {
  const provider = await getProviderRecord(tenant, id);
  audit.record({ action: 'read', entityType: 'referring_provider', entityId: id });
  return provider;
}

export async function updateProvider(tenant: TenantDb, audit: AuditLog, id: string, input: ProviderUpdate) {
  const row = await tenant.get(referringProviders, id, 'Referring provider');
  const next = {
    firstName: input.firstName ?? row.firstName,
    lastName: input.lastName ?? row.lastName,
    npi: input.npi === undefined ? row.npi : input.npi,
    email: input.email === undefined ? row.email : input.email,
  };
  const practice = await tenant.get(referralPractices, input.practiceId ?? row.practiceId, 'Practice');
  const candidates = await findProviderMatches(
    tenant,
    {
      firstName: next.firstName,
      lastName: next.lastName,
      npi: next.npi ?? undefined,
      email: next.email ?? undefined,
      practiceId: practice.id,
    },
    id,
  );
  // Changing a name or email to someone else's still saves; an NPI never may be shared.
  assertNoDuplicates(candidates, true);
  assertLetterRoute(input.letterPreference ?? row.letterPreference, next, practice);
  await tenant.batch([
    tenant.update(
      referringProviders,
      {
        ...next,
        nameKey: providerNameKey(next.firstName, next.lastName),
        practiceId: practice.id,
        practiceKey: practice.nameKey,
        cityKey: searchKey(practice.city),
        ...(input.credentials !== undefined ? { credentials: input.credentials || null } : {}),
        ...(input.specialty ? { specialty: input.specialty } : {}),
        ...(input.letterPreference ? { letterPreference: input.letterPreference } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        updatedAt: iso(),
      },
      eq(referringProviders.id, id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'referring_provider',
      entityId: id,
      detail: { fields: Object.keys(input) },
    }),
  ]);
  return getProviderRecord(tenant, id);
}

/**
 * Merges a duplicate entry into this one: its referrals move here, and the
 * duplicate stays, retired and marked merged, for the record.
 */
export async function mergeProviders(tenant: TenantDb, audit: AuditLog, id: string, duplicateId: string) {
  if (id === duplicateId)
    throw new AppError('validation_failed', 'Choose another entry to merge', [
      { path: 'duplicateId', issue: 'same provider' },
    ]);
  const keep = await tenant.get(referringProviders, id, 'Referring provider');
  const other = await tenant.get(referringProviders, duplicateId, 'Referring provider');
  if (keep.mergedInto || other.mergedInto)
    throw new AppError('conflict', 'One of these entries was already merged');
  const now = iso();
  const moved = await tenant.count(referrals, eq(referrals.providerId, duplicateId));
  await tenant.batch([
    tenant.update(referrals, { providerId: id, updatedAt: now }, eq(referrals.providerId, duplicateId)),
    tenant.update(
      referringProviders,
      {
        npi: keep.npi ?? other.npi,
        email: keep.email ?? other.email,
        credentials: keep.credentials ?? other.credentials,
        notes: [keep.notes, other.notes].filter(Boolean).join('\n\n') || null,
        updatedAt: now,
      },
      eq(referringProviders.id, id),
    ),
    // The duplicate gives up its NPI so the survivor alone holds it.
    tenant.update(
      referringProviders,
      { mergedInto: id, active: false, npi: null, updatedAt: now },
      eq(referringProviders.id, duplicateId),
    ),
    audit.statement({
      action: 'update',
      entityType: 'referring_provider',
      entityId: id,
      detail: { merged: duplicateId, referralsMoved: moved },
    }),
  ]);
  return getProviderRecord(tenant, id);
}
