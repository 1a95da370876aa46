import { inArray } from 'drizzle-orm';
import { referralPractices, type referringProviders } from '../../../db/schema';
import { nameKeyPart } from '../../../shared/roster/names';
import type {
  LETTER_PREFERENCES,
  Practice,
  ProviderSpecialty,
  ReferringProvider,
} from '../../../shared/schemas/referrals';
import { notFound } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';

export type ProviderRow = typeof referringProviders.$inferSelect;
export type PracticeRow = typeof referralPractices.$inferSelect;

/** A search and sort key: case, accents, spacing and punctuation ignored. */
export const searchKey = (text: string) => nameKeyPart(text);
export const providerNameKey = (firstName: string, lastName: string) =>
  `${searchKey(lastName)} ${searchKey(firstName)}`;

/** "Dr Jane Smith, DMD": the name letters and lists use. */
export function displayName(p: Pick<ProviderRow, 'firstName' | 'lastName' | 'credentials'>) {
  const name = `Dr ${p.firstName} ${p.lastName}`;
  return p.credentials ? `${name}, ${p.credentials}` : name;
}

export function toPractice(r: PracticeRow): Practice {
  return {
    id: r.id,
    name: r.name,
    address: {
      line1: r.addressLine1,
      line2: r.addressLine2,
      city: r.city,
      state: r.state,
      postalCode: r.postalCode,
      verification: r.addressVerification,
    },
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    website: r.website,
  };
}

export function toProvider(r: ProviderRow, practice: PracticeRow): ReferringProvider {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    displayName: displayName(r),
    credentials: r.credentials,
    npi: r.npi,
    email: r.email,
    specialty: r.specialty as ProviderSpecialty,
    letterPreference: r.letterPreference as (typeof LETTER_PREFERENCES)[number],
    notes: r.notes,
    active: r.active,
    mergedInto: r.mergedInto,
    practice: toPractice(practice),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** API shapes for provider rows, their practices read in one query. */
export async function providersView(tenant: TenantDb, rows: ProviderRow[]): Promise<ReferringProvider[]> {
  const ids = [...new Set(rows.map((r) => r.practiceId))];
  const practices = ids.length
    ? await tenant.select(referralPractices, inArray(referralPractices.id, ids))
    : [];
  const byId = new Map(practices.map((p) => [p.id, p]));
  return rows.map((r) => {
    const practice = byId.get(r.practiceId);
    if (!practice) throw notFound('Practice');
    return toProvider(r, practice);
  });
}
