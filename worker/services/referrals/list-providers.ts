import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { leads, referrals, referringProviders } from '../../../db/schema';
import type { ProviderListItem, providerListQuerySchema } from '../../../shared/schemas/referrals';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { startsWith } from './practices';
import { providersView, searchKey } from './provider-view';

type Counts = ProviderListItem['counts'];
const NO_REFERRALS: Counts = { referralsThisYear: 0, convertedThisYear: 0, lastReferralDate: null };

/**
 * Per provider: incoming referrals dated this calendar year (UTC), those of
 * them whose lead became a patient, and the latest referral date ever.
 */
export async function providerCounts(tenant: TenantDb, ids: string[], today = new Date()) {
  if (!ids.length) return new Map<string, Counts>();
  const yearStart = `${today.getUTCFullYear()}-01-01`;
  const thisYear = sql`${referrals.referralDate} >= ${yearStart}`;
  const converted = sql`coalesce(${referrals.patientId}, ${leads.patientId}) is not null`;
  const rows = await tenant
    .join(
      {
        providerId: referrals.providerId,
        n: sql<number>`sum(case when ${thisYear} then 1 else 0 end)`,
        converted: sql<number>`sum(case when ${thisYear} and ${converted} then 1 else 0 end)`,
        last: sql<string | null>`max(${referrals.referralDate})`,
      },
      referrals,
      [{ table: leads, on: eq(leads.id, referrals.leadId), left: true }],
      and(inArray(referrals.providerId, ids), eq(referrals.direction, 'incoming')),
    )
    .groupBy(referrals.providerId);
  return new Map(
    rows.map((r) => [
      r.providerId,
      { referralsThisYear: Number(r.n), convertedThisYear: Number(r.converted), lastReferralDate: r.last },
    ]),
  );
}

/**
 * The directory in name order, keyset-paged. A search matches the start of a
 * last name, practice name or city; each is a range on its own index.
 */
export async function listProviders(
  tenant: TenantDb,
  audit: AuditLog,
  query: z.infer<typeof providerListQuerySchema>,
) {
  const key = query.q ? searchKey(query.q) : '';
  const rows = await tenant
    .select(
      referringProviders,
      and(
        isNull(referringProviders.mergedInto),
        key
          ? or(
              startsWith(referringProviders.nameKey, key),
              startsWith(referringProviders.practiceKey, key),
              startsWith(referringProviders.cityKey, key),
            )
          : undefined,
        query.specialty ? eq(referringProviders.specialty, query.specialty) : undefined,
        query.active ? eq(referringProviders.active, query.active === 'true') : undefined,
        afterCursor(referringProviders.nameKey, referringProviders.id, decodeCursor(query.cursor), 'asc'),
      ),
    )
    .orderBy(asc(referringProviders.nameKey), asc(referringProviders.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => r.nameKey);
  const [providers, counts] = await Promise.all([
    providersView(tenant, page.items),
    providerCounts(
      tenant,
      page.items.map((r) => r.id),
    ),
  ]);
  audit.record({ action: 'list', entityType: 'referring_provider', detail: { count: providers.length } });
  return {
    items: providers.map((p) => ({ ...p, counts: counts.get(p.id) ?? NO_REFERRALS })),
    nextCursor: page.nextCursor,
  };
}
