import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { referralPractices, referringProviders } from '../../../db/schema';
import type { ReferrerLookup, ReferrerLookupResult } from '../../../shared/schemas/referrals';
import type { TenantDb } from '../../lib/tenant-db';
import { likeness, parseNamedReferrer } from './named-referrer';
import { startsWith } from './practices';
import { displayName, searchKey } from './provider-view';

/** Below this an entry is not offered at all. */
const LEAST = 0.55;
/** The best entry is "the" match only this far ahead of the next. */
const CLEAR_LEAD = 0.15;
/** Entries read per lookup: the names and practices that start alike, never the whole directory. */
const READ_AT_MOST = 200;

/**
 * The directory entries a referrer named in a captured message or page could
 * be, best first: by the start of the last name and of the practice name
 * (each a range on its own index) or the same email, then scored in full
 * (spelling slips, first name or initial, practice words; named-referrer.ts).
 */
export async function lookUpReferrer(tenant: TenantDb, input: ReferrerLookup): Promise<ReferrerLookupResult> {
  const named = parseNamedReferrer(input.name, input.practice);
  const lastKey = named.lastName ? searchKey(named.lastName) : '';
  const practiceKey = named.practice ? searchKey(named.practice) : '';
  const conditions: SQL[] = [];
  // A slip in the first letters of a name is rare; three letters keep the read small.
  if (lastKey) conditions.push(startsWith(referringProviders.nameKey, lastKey.slice(0, 3)) as SQL);
  if (practiceKey)
    conditions.push(startsWith(referringProviders.practiceKey, practiceKey.slice(0, 4)) as SQL);
  if (input.email) conditions.push(eq(referringProviders.email, input.email));
  if (!conditions.length) return { items: [], confident: false };
  const rows = await tenant
    .join(
      { provider: referringProviders, practice: referralPractices },
      referringProviders,
      [{ table: referralPractices, on: eq(referralPractices.id, referringProviders.practiceId) }],
      and(or(...conditions), isNull(referringProviders.mergedInto)),
    )
    .limit(READ_AT_MOST);
  const scored = rows
    .map(({ provider, practice }) => ({
      provider,
      practice,
      fit: likeness(named, { ...provider, practiceName: practice.name }, input.email),
    }))
    .filter((r) => r.fit.score >= LEAST)
    // Equal fits: an active entry first, then name order, so the answer is the same every time.
    .sort(
      (a, b) =>
        b.fit.score - a.fit.score ||
        Number(b.provider.active) - Number(a.provider.active) ||
        a.provider.nameKey.localeCompare(b.provider.nameKey),
    )
    .slice(0, 3);
  const [first, second] = scored;
  return {
    items: scored.map(({ provider, practice, fit }) => ({
      id: provider.id,
      displayName: displayName(provider),
      practiceName: practice.name,
      city: practice.city,
      active: provider.active,
      score: Math.round(fit.score * 100),
      reasons: fit.reasons,
    })),
    confident: !!first && (!second || first.fit.score - second.fit.score >= CLEAR_LEAD),
  };
}
