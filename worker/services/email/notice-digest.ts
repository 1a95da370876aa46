import { and, asc, eq, isNull, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { noticeDigestItems, outboxMessages } from '../../../db/schema';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

/** Notices to one recipient wait this long for others, then go out as one email. */
export const DIGEST_WINDOW_MS = 5 * 60_000;
/** Lines one digest carries; more wait for the next. */
const LINES_PER_DIGEST = 200;
/** Recipients one cron run sends to; the rest wait for the next run. */
const DIGESTS_PER_RUN = 100;

/**
 * A notice for the next digest to `to`, in the caller's batch (so it exists
 * only if the change that caused it does). The line carries no patient details.
 */
export function queueNotice(tenant: TenantDb, notice: { to: string; kind: 'enrolled'; line: string }) {
  return tenant.insert(noticeDigestItems, {
    id: newId('ntc'),
    recipient: notice.to,
    kind: notice.kind,
    line: notice.line,
    createdAt: iso(),
    digestMessageId: null,
  });
}

function digestEmail(lines: string[]) {
  const subject =
    lines.length === 1 ? lines[0]! : `${lines.length} residents' enrollment updates: now enrolled`;
  const text = `${lines.map((l) => `- ${l}`).join('\n')}\n\nOpen Sidecar CRM to see who and what comes next.`;
  return { subject, text };
}

/**
 * Cron: every recipient whose oldest waiting notice is past the window gets
 * one digest of everything waiting for them. Claiming and queueing are one
 * batch: the claim happens only if every line is still unclaimed, and the
 * email is queued only if the claim took every line, so a second run at the
 * same time sends nothing twice and loses nothing.
 */
export async function flushNoticeDigests(db: Db, now: number) {
  const waiting = isNull(noticeDigestItems.digestMessageId);
  const groups = await db
    .select({ organizationId: noticeDigestItems.organizationId, recipient: noticeDigestItems.recipient })
    .from(noticeDigestItems)
    .where(waiting)
    .groupBy(noticeDigestItems.organizationId, noticeDigestItems.recipient)
    .having(lte(min(noticeDigestItems.createdAt), iso(now - DIGEST_WINDOW_MS)))
    .limit(DIGESTS_PER_RUN);
  let sent = 0;
  for (const group of groups) {
    const items = await db
      .select()
      .from(noticeDigestItems)
      .where(
        and(
          waiting,
          eq(noticeDigestItems.organizationId, group.organizationId),
          eq(noticeDigestItems.recipient, group.recipient),
        ),
      )
      .orderBy(asc(noticeDigestItems.createdAt))
      .limit(LINES_PER_DIGEST);
    const ids = JSON.stringify(items.map((i) => i.id));
    const n = items.length;
    const messageId = newId('msg');
    const { subject, text } = digestEmail(items.map((i) => i.line));
    const [, inserted] = await db.batch([
      db
        .update(noticeDigestItems)
        .set({ digestMessageId: messageId })
        .where(
          sql`${noticeDigestItems.id} IN (SELECT value FROM json_each(${ids})) AND ${noticeDigestItems.digestMessageId} IS NULL
            AND (SELECT count(*) FROM notice_digest_items WHERE id IN (SELECT value FROM json_each(${ids})) AND digest_message_id IS NULL) = ${n}`,
        ),
      db.insert(outboxMessages).select(
        db
          .select({
            id: sql<string>`${messageId}`.as('id'),
            organizationId: sql<string>`${group.organizationId}`.as('organization_id'),
            channel: sql<string>`'email'`.as('channel'),
            recipient: sql<string>`${group.recipient}`.as('recipient'),
            subject: sql<string>`${subject}`.as('subject'),
            bodyText: sql<string>`${text}`.as('body_text'),
            bodyHtml: sql<null>`NULL`.as('body_html'),
            status: sql<string>`'queued'`.as('status'),
            provider: sql<string>`'pending'`.as('provider'),
            providerMessageId: sql<null>`NULL`.as('provider_message_id'),
            attempts: sql<number>`0`.as('attempts'),
            lastError: sql<null>`NULL`.as('last_error'),
            createdAt: sql<string>`${iso(now)}`.as('created_at'),
            sentAt: sql<null>`NULL`.as('sent_at'),
            claimedAt: sql<null>`NULL`.as('claimed_at'),
            notBefore: sql<null>`NULL`.as('not_before'),
            category: sql<null>`NULL`.as('category'),
            headers: sql<null>`NULL`.as('headers'),
          })
          .from(noticeDigestItems)
          .where(eq(noticeDigestItems.digestMessageId, messageId))
          .groupBy(noticeDigestItems.digestMessageId)
          .having(sql`count(*) = ${n}`),
      ),
    ]);
    if ((inserted as { meta?: { changes?: number } }).meta?.changes) sent++;
  }
  return sent;
}
