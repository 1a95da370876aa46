import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { referralPractices } from '../../../db/schema';
import type { PracticeInput } from '../../../shared/schemas/referrals';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AddressVerifier } from '../address/address-verifier';
import { verifiedAddressColumns } from '../facilities/facility-rules';
import { type PracticeRow, searchKey, toPractice } from './provider-view';

/** Rows whose `column` starts with `prefix` as a range, so the column's index serves it. */
export function startsWith(column: Parameters<typeof gte>[0], prefix: string) {
  return and(gte(column, prefix), lt(column, `${prefix}\uffff`));
}

/** A new practice's row, its address verified (an unverified address refuses the save). */
export async function newPracticeRow(
  verifier: AddressVerifier,
  id: string,
  input: PracticeInput,
): Promise<Omit<PracticeRow, 'organizationId'>> {
  const address = await verifiedAddressColumns(verifier, input.address);
  const now = iso();
  return {
    id,
    name: input.name,
    nameKey: searchKey(input.name),
    ...address,
    phone: input.phone ?? null,
    fax: input.fax ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Practices whose name starts with `q`, for choosing one when adding a provider. */
export async function listPractices(tenant: TenantDb, query: { q?: string; limit: number }) {
  const key = query.q ? searchKey(query.q) : '';
  const rows = await tenant
    .select(referralPractices, key ? startsWith(referralPractices.nameKey, key) : undefined)
    .orderBy(asc(referralPractices.nameKey), asc(referralPractices.id))
    .limit(query.limit);
  return { items: rows.map(toPractice) };
}

export async function practiceByKey(tenant: TenantDb, name: string) {
  const [row] = await tenant
    .select(referralPractices, eq(referralPractices.nameKey, searchKey(name)))
    .limit(1);
  return row;
}
