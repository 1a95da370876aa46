import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { recordsLinkEvents, recordsLinks } from '../../../db/schema';
import type { RecordsLink } from '../../../shared/schemas/records-transfer';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { DAY, iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { queueTenantEmail } from '../email/outbox';
import { newFormToken } from '../intake/form-token';
import { disclosureStatement } from './disclosures';
import { newLinkCode, recordsLinkUrl } from './link-secrets';
import { moveStatements } from './move-request';
import { releaseHeldByFee } from './records-fee';
import { requestFiles } from './records-files';
import { loadRequest, requestEvent } from './records-requests';

type LinkRow = typeof recordsLinks.$inferSelect;
type EventRow = typeof recordsLinkEvents.$inferSelect;

export function linkState(link: LinkRow, now = Date.now()): RecordsLink['state'] {
  if (link.revokedAt) return 'revoked';
  if (link.purpose === 'upload' ? !!link.usedAt : link.downloads >= link.maxDownloads) return 'used_up';
  if (link.expiresAt <= iso(now)) return 'expired';
  return 'active';
}

export const toRecordsLink = (link: LinkRow, events: EventRow[], now = Date.now()): RecordsLink => ({
  id: link.id,
  purpose: link.purpose as RecordsLink['purpose'],
  recipientEmail: link.recipientEmail,
  fileIds: link.fileIds,
  expiresAt: link.expiresAt,
  maxDownloads: link.maxDownloads,
  downloads: link.downloads,
  state: linkState(link, now),
  revokedAt: link.revokedAt,
  createdAt: link.createdAt,
  events: events.map((e) => ({
    id: e.id,
    kind: e.kind as RecordsLink['events'][number]['kind'],
    fileId: e.fileId,
    ip: e.ip,
    userAgent: e.userAgent,
    createdAt: e.createdAt,
  })),
});

export const linkEvent = (
  tenant: TenantDb,
  linkId: string,
  event: { kind: string; fileId?: string | null; ip: string | null; userAgent: string | null; at?: string },
) =>
  tenant.insert(recordsLinkEvents, {
    id: newId('rle'),
    linkId,
    kind: event.kind,
    fileId: event.fileId ?? null,
    ip: event.ip,
    userAgent: event.userAgent?.slice(0, 300) ?? null,
    createdAt: event.at ?? iso(),
  });

type Deps = { baseUrl: string; ip: string | null; userAgent: string | null };

function recipientOf(input: { email?: string }, partyEmail: string | null) {
  const email = input.email ?? partyEmail;
  if (!email)
    throw new AppError('validation_failed', "Enter the recipient's email address", [
      { path: 'email', issue: 'required' },
    ]);
  return email;
}

/**
 * Sends the prepared records: a link that expires and allows a set number of
 * downloads, and a one-time code in a separate email. The request moves to
 * sent, its timeline names the files, and the disclosure is accounted for.
 */
export async function sendSecureLink(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  requestId: string,
  input: { fileIds?: string[]; email?: string; expiresInDays: number; maxDownloads: number },
  deps: Deps,
) {
  const { request } = await loadRequest(tenant, requestId);
  if (request.direction !== 'outgoing' || !['preparing', 'sent'].includes(request.status))
    throw new AppError('conflict', 'Records are sent once the request is approved and its records are added');
  const held = await releaseHeldByFee(tenant, request);
  if (held) throw new AppError('conflict', held);
  const files = (await requestFiles(tenant, requestId, input.fileIds)).filter((f) => f.kind === 'release');
  if (!files.length || (input.fileIds && files.length !== input.fileIds.length))
    throw new AppError('validation_failed', 'Add the records to send to the request first', [
      { path: 'fileIds', issue: 'no records to send' },
    ]);
  const recipient = recipientOf(input, request.partyEmail);
  const organization = await tenant.organization();
  const id = newId('rlk');
  const { token, tokenHash } = await newFormToken();
  const { code, codeHash } = await newLinkCode(id);
  const now = Date.now();
  const expiresAt = iso(now + input.expiresInDays * DAY);
  const url = recordsLinkUrl(deps.baseUrl, token);
  const link: LinkRow = {
    id,
    organizationId: tenant.organizationId,
    requestId,
    purpose: 'download',
    tokenHash,
    recipientEmail: recipient,
    fileIds: files.map((f) => f.id),
    expiresAt,
    maxDownloads: input.maxDownloads,
    downloads: 0,
    codeHash,
    codeExpiresAt: expiresAt,
    codeFailures: 0,
    grantHash: null,
    grantExpiresAt: null,
    usedAt: null,
    revokedAt: null,
    revokedBy: null,
    createdBy: auth.userId,
    createdAt: iso(now),
  };
  // The link and its code travel apart: someone who reads one message alone cannot open the records.
  const linkMail = queueTenantEmail(tenant, {
    to: recipient,
    subject: `Records from ${organization.name}`,
    text: [
      `${organization.name} has sent you the records you asked for.`,
      `Open them here: ${url}`,
      `A one-time code to open the link comes in a separate email. The link works until ${expiresAt.slice(0, 16).replace('T', ' ')} UTC and for ${input.maxDownloads} downloads.`,
    ].join('\n\n'),
  });
  const codeMail = queueTenantEmail(tenant, {
    to: recipient,
    subject: `Your code for the records from ${organization.name}`,
    text: `Your one-time code is ${code}\n\nEnter it on the page the other email links to. It works once.`,
  });
  const names = files.map((f) => f.fileName);
  const statements: BatchItem<'sqlite'>[] = [
    tenant.insert(recordsLinks, link),
    linkEvent(tenant, id, { kind: 'sent', ip: deps.ip, userAgent: deps.userAgent, at: iso(now) }),
    linkMail.statement,
    codeMail.statement,
    requestEvent(tenant, requestId, {
      kind: 'released',
      text: `Sent by secure link to ${recipient}: ${names.join(', ')}`,
      detail: { linkId: id, recipient, files: names, expiresAt, maxDownloads: input.maxDownloads },
      createdBy: auth.userId,
      createdAt: iso(now),
    }),
    audit.statement({
      action: 'export',
      entityType: 'records_request',
      entityId: requestId,
      detail: { release: 'secure_link', linkId: id, patientId: request.patientId, fileIds: link.fileIds },
    }),
  ];
  statements.push(
    ...disclosureStatement(tenant, request, {
      recipientAddress: recipient,
      files: names,
      method: 'secure_link',
      by: auth.userId,
      at: iso(now),
    }),
  );
  if (request.status === 'preparing')
    statements.push(
      ...moveStatements(tenant, {
        id: requestId,
        from: 'preparing',
        to: 'sent',
        reason: null,
        by: auth.userId,
      }),
    );
  await tenant.batch(statements);
  return {
    link: { ...toRecordsLink(link, [], now), url },
    emailIds: [linkMail.id, codeMail.id],
  };
}

/** Asks the holder of a new patient's records to upload them through a link that works once. */
export async function sendUploadLink(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  requestId: string,
  input: { email?: string; expiresInDays: number },
  deps: Deps,
) {
  const { request } = await loadRequest(tenant, requestId);
  if (request.direction !== 'incoming' || !['requested', 'follow_up_sent'].includes(request.status))
    throw new AppError(
      'conflict',
      'An upload link is sent for an incoming request still waiting for records',
    );
  const recipient = recipientOf(input, request.partyEmail);
  const organization = await tenant.organization();
  const id = newId('rlk');
  const { token, tokenHash } = await newFormToken();
  const now = Date.now();
  const expiresAt = iso(now + input.expiresInDays * DAY);
  const url = recordsLinkUrl(deps.baseUrl, token);
  const link: LinkRow = {
    id,
    organizationId: tenant.organizationId,
    requestId,
    purpose: 'upload',
    tokenHash,
    recipientEmail: recipient,
    fileIds: [],
    expiresAt,
    maxDownloads: 0,
    downloads: 0,
    codeHash: null,
    codeExpiresAt: null,
    codeFailures: 0,
    grantHash: null,
    grantExpiresAt: null,
    usedAt: null,
    revokedAt: null,
    revokedBy: null,
    createdBy: auth.userId,
    createdAt: iso(now),
  };
  const mail = queueTenantEmail(tenant, {
    to: recipient,
    subject: `${organization.name} asks you to send a patient's records`,
    // The email names no patient: the holder finds the request by the letter or call that preceded it.
    text: [
      `${organization.name} asked you for a patient's records. You can upload them (PDF or images) here, once:`,
      url,
      `The link works until ${expiresAt.slice(0, 10)}.`,
    ].join('\n\n'),
  });
  await tenant.batch([
    tenant.insert(recordsLinks, link),
    linkEvent(tenant, id, { kind: 'sent', ip: deps.ip, userAgent: deps.userAgent, at: iso(now) }),
    mail.statement,
    requestEvent(tenant, requestId, {
      kind: 'upload_link',
      text: `Upload link sent to ${recipient}`,
      detail: { linkId: id, recipient, expiresAt },
      createdBy: auth.userId,
      createdAt: iso(now),
    }),
    audit.statement({
      action: 'create',
      entityType: 'records_link',
      entityId: id,
      detail: { requestId, purpose: 'upload', patientId: request.patientId },
    }),
  ]);
  return { link: { ...toRecordsLink(link, [], now), url }, emailIds: [mail.id] };
}

export async function listRecordsLinks(tenant: TenantDb, audit: AuditLog, requestId: string) {
  const { request } = await loadRequest(tenant, requestId);
  const links = await tenant
    .select(recordsLinks, eq(recordsLinks.requestId, requestId))
    .orderBy(desc(recordsLinks.createdAt), desc(recordsLinks.id));
  const events = links.length
    ? await tenant
        .select(
          recordsLinkEvents,
          inArray(
            recordsLinkEvents.linkId,
            links.map((l) => l.id),
          ),
        )
        .orderBy(desc(recordsLinkEvents.createdAt), desc(recordsLinkEvents.id))
    : [];
  audit.record({
    action: 'list',
    entityType: 'records_link',
    detail: { requestId, patientId: request.patientId, count: links.length },
  });
  const now = Date.now();
  return links.map((l) =>
    toRecordsLink(
      l,
      events.filter((e) => e.linkId === l.id),
      now,
    ),
  );
}

/** Stops a link at once: the recipient's next view, code or download finds nothing. */
export async function revokeRecordsLink(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  requestId: string,
  linkId: string,
  deps: Deps,
) {
  await loadRequest(tenant, requestId);
  const [link] = await tenant.select(
    recordsLinks,
    and(eq(recordsLinks.id, linkId), eq(recordsLinks.requestId, requestId)),
  );
  if (!link) throw new AppError('not_found', 'Link not found');
  if (link.revokedAt) throw new AppError('conflict', 'This link was already revoked');
  const now = iso();
  await tenant.batch([
    tenant.update(
      recordsLinks,
      { revokedAt: now, revokedBy: auth.userId, grantHash: null },
      and(eq(recordsLinks.id, linkId), isNull(recordsLinks.revokedAt)),
    ),
    linkEvent(tenant, linkId, { kind: 'revoked', ip: deps.ip, userAgent: deps.userAgent, at: now }),
    requestEvent(tenant, requestId, {
      kind: 'link_revoked',
      text: `Link to ${link.recipientEmail} revoked`,
      detail: { linkId },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'update',
      entityType: 'records_link',
      entityId: linkId,
      detail: { revoked: true },
    }),
  ]);
  const [after] = await listRecordsLinks(tenant, audit, requestId).then((all) =>
    all.filter((l) => l.id === linkId),
  );
  return after!;
}
