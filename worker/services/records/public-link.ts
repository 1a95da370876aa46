/**
 * What the public records page (/r/<token>) calls. No one is signed in: the
 * token finds the link (one query on its hash), and everything after runs in
 * the link's organisation through its TenantDb. A link that is unknown,
 * malformed or revoked answers exactly like one that never existed. Every
 * view, code, download and upload is logged on the link with time and address
 * and audited with no actor.
 */
import { and, eq, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { organizations, recordsLinks } from '../../../db/schema';
import type { AuditEntry, AuditLog } from '../../lib/audit-log';
import { randomToken, sha256, timingSafeEqual } from '../../lib/crypto';
import { addressBucket, countHit } from '../../lib/rate-limit';
import { TenantDb } from '../../lib/tenant-db';
import { iso, MINUTE } from '../../lib/time';
import { queueTenantEmail } from '../email/outbox';
import { formTokenHash } from '../intake/form-token';
import { linkCodeHash, newLinkCode } from './link-secrets';
import { moveStatements } from './move-request';
import { requestFiles, toRecordsFile } from './records-files';
import { loadRequest } from './records-requests';
import { linkEvent, linkState } from './secure-links';

type LinkRow = typeof recordsLinks.$inferSelect;
export type Visitor = { ip: string | null; userAgent: string | null };
export type Found = { link: LinkRow; organizationName: string; tenant: TenantDb };

/** Wrong codes a link takes before its code is void (a new one must be asked for). */
export const MAX_CODE_FAILURES = 5;
/** How long a recipient may download after entering the code. */
export const GRANT_MS = 30 * MINUTE;
/** How long a code asked for from the page works. */
const NEW_CODE_MS = 30 * MINUTE;

export async function findLink(db: Db, token: string): Promise<Found | null> {
  const hash = await formTokenHash(token);
  if (!hash) return null;
  const [row] = await db
    .select({ link: recordsLinks, organizationName: organizations.name })
    .from(recordsLinks)
    .innerJoin(organizations, eq(organizations.id, recordsLinks.organizationId))
    .where(eq(recordsLinks.tokenHash, hash))
    .limit(1);
  if (!row || row.link.revokedAt) return null;
  return { ...row, tenant: new TenantDb(db, row.link.organizationId) };
}

const publicEntry = (link: LinkRow, entry: AuditEntry): AuditEntry => ({
  ...entry,
  organizationId: link.organizationId,
  actorUserId: null,
  detail: { requestId: link.requestId, via: 'records_link', ...entry.detail },
});

/** Still usable now: not revoked, used up or expired, checked again in every write's own condition. */
const stillUsable = (link: LinkRow, now: number) =>
  and(
    eq(recordsLinks.id, link.id),
    isNull(recordsLinks.revokedAt),
    gt(recordsLinks.expiresAt, iso(now)),
    link.purpose === 'upload'
      ? isNull(recordsLinks.usedAt)
      : lt(recordsLinks.downloads, recordsLinks.maxDownloads),
  ) as SQL;

export const hasGrant = async (link: LinkRow, grant: string | undefined, now: number) =>
  !!grant &&
  !!link.grantHash &&
  !!link.grantExpiresAt &&
  link.grantExpiresAt > iso(now) &&
  timingSafeEqual(await sha256(grant), link.grantHash);

/** Logs one view of the page and answers what it may show. */
export async function viewLink(
  found: Found,
  audit: AuditLog,
  visitor: Visitor,
  grant: string | undefined,
  now = Date.now(),
) {
  const { link, tenant } = found;
  const state = linkState(link, now);
  await tenant.batch([
    linkEvent(tenant, link.id, { kind: 'view', ...visitor, at: iso(now) }),
    audit.statement(
      publicEntry(link, { action: 'read', entityType: 'records_link', entityId: link.id, detail: { state } }),
    ),
  ]);
  if (state !== 'active') return { state } as const;
  if (link.purpose === 'upload') return { state, purpose: 'upload' } as const;
  if (!(await hasGrant(link, grant, now))) return { state, purpose: 'code' } as const;
  const files = (await requestFiles(tenant, link.requestId, link.fileIds)).map(toRecordsFile);
  return { state, purpose: 'download', files, downloadsLeft: link.maxDownloads - link.downloads } as const;
}

/**
 * Checks the one-time code. A right code is spent at once (the update holds
 * only while it is still the link's code) and buys a grant for downloads; a
 * wrong one counts, and the fifth voids the code.
 */
export async function enterCode(
  found: Found,
  audit: AuditLog,
  visitor: Visitor,
  code: string,
  now = Date.now(),
) {
  const { link, tenant } = found;
  if (linkState(link, now) !== 'active' || link.purpose !== 'download') return { outcome: 'closed' } as const;
  const hash = await linkCodeHash(link.id, code);
  const valid =
    !!link.codeHash &&
    !!link.codeExpiresAt &&
    link.codeExpiresAt > iso(now) &&
    timingSafeEqual(hash, link.codeHash);
  if (!valid) {
    const failures = link.codeFailures + 1;
    const voided = failures >= MAX_CODE_FAILURES;
    await tenant.batch([
      tenant.update(
        recordsLinks,
        voided ? { codeFailures: failures, codeHash: null } : { codeFailures: failures },
        eq(recordsLinks.id, link.id),
      ),
      linkEvent(tenant, link.id, { kind: 'code_refused', ...visitor, at: iso(now) }),
      audit.statement(
        publicEntry(link, {
          action: 'read',
          entityType: 'records_link',
          entityId: link.id,
          outcome: 'denied',
          detail: { code: 'refused', failures },
        }),
      ),
    ]);
    return { outcome: link.codeHash && !voided ? 'refused' : 'void' } as const;
  }
  const grant = randomToken();
  const [spent] = await tenant.batch([
    tenant
      .update(
        recordsLinks,
        {
          codeHash: null,
          codeFailures: 0,
          grantHash: await sha256(grant),
          grantExpiresAt: iso(now + GRANT_MS),
        },
        and(stillUsable(link, now), eq(recordsLinks.codeHash, link.codeHash!)),
      )
      .returning({ id: recordsLinks.id }),
    linkEvent(tenant, link.id, { kind: 'code_accepted', ...visitor, at: iso(now) }),
  ]);
  if (!spent.length) return { outcome: 'void' } as const;
  return { outcome: 'accepted', grant } as const;
}

/** Emails a fresh code (the old one stops working), on the recipient's asking. */
export async function sendNewCode(found: Found, audit: AuditLog, visitor: Visitor, now = Date.now()) {
  const { link, tenant, organizationName } = found;
  if (linkState(link, now) !== 'active' || link.purpose !== 'download') return null;
  const { code, codeHash } = await newLinkCode(link.id);
  const mail = queueTenantEmail(tenant, {
    to: link.recipientEmail,
    subject: `Your new code for the records from ${organizationName}`,
    text: `Your one-time code is ${code}\n\nIt works once, for the next 30 minutes.`,
  });
  await tenant.batch([
    tenant.update(
      recordsLinks,
      { codeHash, codeExpiresAt: iso(now + NEW_CODE_MS), codeFailures: 0 },
      stillUsable(link, now),
    ),
    mail.statement,
    linkEvent(tenant, link.id, { kind: 'code_sent', ...visitor, at: iso(now) }),
  ]);
  audit.record(
    publicEntry(link, {
      action: 'update',
      entityType: 'records_link',
      entityId: link.id,
      detail: { newCode: true },
    }),
  );
  return mail.id;
}

/**
 * One download: counted only while the link still allows one (the count's
 * own condition), logged, audited as a release, and the first one completes a
 * request that was sent.
 */
export async function downloadFile(
  found: Found,
  audit: AuditLog,
  bucket: R2Bucket,
  visitor: Visitor,
  input: { fileId: string; grant: string | undefined },
  now = Date.now(),
) {
  const { link, tenant } = found;
  if (linkState(link, now) !== 'active' || link.purpose !== 'download') return { outcome: 'closed' } as const;
  if (!(await hasGrant(link, input.grant, now))) return { outcome: 'code' } as const;
  if (!link.fileIds.includes(input.fileId)) return { outcome: 'missing' } as const;
  const [file] = await requestFiles(tenant, link.requestId, [input.fileId]);
  const object = file ? await bucket.get(file.storageKey) : null;
  if (!file || !object) return { outcome: 'missing' } as const;
  const { request } = await loadRequest(tenant, link.requestId);
  const at = iso(now);
  const [counted] = await tenant.batch([
    tenant
      .update(recordsLinks, { downloads: sql`${recordsLinks.downloads} + 1` }, stillUsable(link, now))
      .returning({ downloads: recordsLinks.downloads }),
    linkEvent(tenant, link.id, { kind: 'download', fileId: file.id, ...visitor, at }),
    audit.statement(
      publicEntry(link, {
        action: 'export',
        entityType: 'records_file',
        entityId: file.id,
        detail: { patientId: request.patientId, linkId: link.id },
      }),
    ),
    ...(request.status === 'sent'
      ? moveStatements(tenant, {
          id: request.id,
          from: 'sent',
          to: 'completed',
          reason: 'Downloaded by the recipient',
          by: null,
          now: at,
        })
      : []),
  ]);
  if (!counted.length) {
    await object.body.cancel();
    return { outcome: 'closed' } as const;
  }
  return { outcome: 'file', file, body: object.body } as const;
}

const LIMITS = { perLink: 60, perAddress: 200, windowMs: 10 * MINUTE };

/** Counts one hit of the page per link and per address (429 past either), keyed by a prefix of the token's hash. */
export async function countLinkHit(db: Db, token: string, ip: string | null, now = Date.now()) {
  const message = 'Too many attempts with this link. Please wait a few minutes and try again.';
  await countHit(
    db,
    `records-address:${addressBucket(ip)}`,
    LIMITS.perAddress,
    LIMITS.windowMs,
    message,
    now,
  );
  const hash = (await formTokenHash(token))?.slice(0, 22) ?? 'malformed';
  await countHit(db, `records-link:${hash}`, LIMITS.perLink, LIMITS.windowMs, message, now);
}
