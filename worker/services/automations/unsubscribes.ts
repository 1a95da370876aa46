import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { unsubscribeLinks, unsubscribes } from '../../../db/schema';
import type { UnsubscribeCategory } from '../../../shared/schemas/message-templates';
import { newId, randomToken, sha256 } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

export type Channel = 'email' | 'sms';
export type UnsubscribeVia = 'link' | 'one_click' | 'sms_stop';
/** What an SMS STOP ends: every category. */
export const ALL_CATEGORIES = 'all';

export const CATEGORY_LABELS: Record<UnsubscribeCategory, string> = {
  appointment_reminders: 'appointment reminders',
  case_updates: 'case updates',
  nurture: 'news and follow-ups',
  announcements: 'announcements',
};

/** How an address is compared: emails without case, phone numbers as given (E.164). */
export const addressKey = (channel: Channel, address: string) =>
  channel === 'email' ? address.trim().toLowerCase() : address.trim();

/**
 * A new unsubscribe link for one message (its url, and the statement storing
 * the token's hash for the caller's batch): the link names the address and the
 * category, so it works without sign-in and ends only that category.
 */
export async function newUnsubscribeLink(
  tenant: TenantDb,
  baseUrl: string,
  channel: Channel,
  address: string,
  category: string,
  now: string,
) {
  const token = randomToken();
  return {
    url: `${baseUrl.replace(/\/$/, '')}/unsubscribe/${token}`,
    statement: tenant.insert(unsubscribeLinks, {
      tokenHash: await sha256(token),
      channel,
      address: addressKey(channel, address),
      category,
      createdAt: now,
    }),
  };
}

/** The one-click unsubscribe headers of RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` to the link. */
export const unsubscribeHeaders = (url: string) => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export const withUnsubscribeLine = (body: string, category: string, url: string) =>
  `${body}\n\nTo stop receiving ${CATEGORY_LABELS[category as UnsubscribeCategory] ?? 'these messages'}: ${url}`;

/** Whether the recipient asked for no more of `category` (or of everything). */
export async function isUnsubscribed(tenant: TenantDb, channel: Channel, address: string, category: string) {
  const found = await tenant
    .selectFields(
      { id: unsubscribes.id },
      unsubscribes,
      and(
        eq(unsubscribes.channel, channel),
        eq(unsubscribes.address, addressKey(channel, address)),
        inArray(unsubscribes.category, [category, ALL_CATEGORIES]),
      ),
    )
    .limit(1);
  return found.length > 0;
}

/** Records the unsubscribe; asking twice changes nothing. */
export function unsubscribe(
  tenant: TenantDb,
  channel: Channel,
  address: string,
  category: string,
  via: UnsubscribeVia,
) {
  return tenant
    .insert(unsubscribes, {
      id: newId('uns'),
      channel,
      address: addressKey(channel, address),
      category,
      via,
      createdAt: iso(),
    })
    .onConflictDoNothing();
}

/** The public page's lookup: a link token resolves to its organisation, address and category. */
export async function findUnsubscribeLink(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [link] = await db
    .select()
    .from(unsubscribeLinks)
    .where(eq(unsubscribeLinks.tokenHash, await sha256(token)))
    .limit(1);
  return link ?? null;
}
