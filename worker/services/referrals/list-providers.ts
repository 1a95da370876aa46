import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { referringProviders } from '../../../db/schema';
import type { ProviderListItem, providerListQuerySchema } from '../../../shared/schemas/referrals';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { startsWith } from './practices';
import { providersView, searchKey } from './provider-view';
import { dayCounts, sumWhen } from './referral-rollup';

type Counts = ProviderListItem['counts'];
const NO_REFERRALS: Counts = { referralsThisYear: 0, convertedThisYear: 0, lastReferralDate: null };

/**
 * Per provider: incoming referrals dated this calendar year (UTC), those of
 * them converted (treatment started, or linked to a patient), and the latest
 * referral date ever; from the day counts of the page's providers.
 */
export async function providerCounts(tenant: TenantDb, ids: string[], today = new Date()) {
  if (!ids.length) return new Map<string, Counts>();
  const thisYear = gte(dayCounts.day, `${today.getUTCFullYear()}-01-01`);
  const rows = await tenant
    .selectFields(
      {
        providerId: dayCounts.providerId,
        n: sumWhen('referrals', thisYear),
        converted: sumWhen('conversions', thisYear),
        last: sql<string | null>`max(case when ${dayCounts.referrals} > 0 then ${dayCounts.day} end)`,
      },
      dayCounts,
      inArray(dayCounts.providerId, ids),
    )
    .groupBy(dayCounts.providerId);
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
