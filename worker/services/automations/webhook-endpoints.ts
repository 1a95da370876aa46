import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../../db/schema';
import type {
  WebhookEndpoint,
  webhookDeliveryQuerySchema,
  webhookEndpointCreateSchema,
  webhookEndpointUpdateSchema,
  webhookRotateSchema,
} from '../../../shared/schemas/webhooks';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { HOUR, iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { newWebhookSecret } from './webhook-signature';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
/** Never the secret: it is shown once, when the endpoint is created. */
const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  previousSecretUntil: r.previousSecretUntil && r.previousSecretUntil > iso() ? r.previousSecretUntil : null,
  disabledAt: r.disabledAt,
  createdAt: r.createdAt,
});

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is accepted only for this machine in development (a local receiver). */
function checkUrl(address: string, development: boolean) {
  const url = new URL(address);
  if (url.protocol !== 'https:' && !(development && LOCAL_HOSTS.has(url.hostname)))
    throw new AppError('validation_failed', 'Webhooks are sent over https only', [
      { path: 'url', issue: 'must start with https://' },
    ]);
}

export async function listWebhookEndpoints(tenant: TenantDb) {
  const rows = await tenant.select(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt));
  return { items: rows.map(toEndpoint) };
}

/** A new endpoint with its own signing secret, answered this once. */
export async function createWebhookEndpoint(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: z.infer<typeof webhookEndpointCreateSchema>,
  development: boolean,
) {
  checkUrl(input.url, development);
  const id = newId('whe');
  const secret = newWebhookSecret();
  await tenant.batch([
    tenant.insert(webhookEndpoints, {
      id,
      url: input.url,
      description: input.description ?? null,
      secret,
      createdBy: auth.userId,
      createdAt: iso(),
    }),
    audit.statement({ action: 'create', entityType: 'webhook_endpoint', entityId: id }),
  ]);
  return { ...toEndpoint(await tenant.get(webhookEndpoints, id, 'Webhook endpoint')), secret };
}

/** A new address or description; deliveries still waiting go to the new address on their next attempt. */
export async function updateWebhookEndpoint(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: z.infer<typeof webhookEndpointUpdateSchema>,
  development: boolean,
) {
  await tenant.get(webhookEndpoints, id, 'Webhook endpoint');
  if (input.url !== undefined) checkUrl(input.url, development);
  await tenant.batch([
    tenant.update(
      webhookEndpoints,
      {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      },
      eq(webhookEndpoints.id, id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'webhook_endpoint',
      entityId: id,
      detail: { changed: Object.keys(input) },
    }),
  ]);
  return toEndpoint(await tenant.get(webhookEndpoints, id, 'Webhook endpoint'));
}

/**
 * A new signing secret, answered this once. With an overlap the old secret
 * keeps signing beside it (two space-separated `v1,` signatures, as Standard
 * Webhooks allows) for that many hours, so the receiver can switch without
 * refusing a delivery; without one it stops at once. Rotating again within
 * the overlap ends the older secret: only the one just replaced overlaps.
 */
export async function rotateWebhookSecret(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: z.infer<typeof webhookRotateSchema>,
) {
  const row = await tenant.get(webhookEndpoints, id, 'Webhook endpoint');
  const secret = newWebhookSecret();
  const until = input.overlapHours ? iso(Date.now() + input.overlapHours * HOUR) : null;
  await tenant.batch([
    tenant.update(
      webhookEndpoints,
      { secret, previousSecret: until ? row.secret : null, previousSecretUntil: until },
      // Only over the secret read here: of two rotations at once, one wins and the other is told.
      and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.secret, row.secret)) as SQL,
    ),
    audit.statement({
      action: 'update',
      entityType: 'webhook_endpoint',
      entityId: id,
      detail: { rotatedSecret: true, overlapHours: input.overlapHours },
    }),
  ]);
  const saved = await tenant.get(webhookEndpoints, id, 'Webhook endpoint');
  if (saved.secret !== secret)
    throw new AppError('conflict', 'The secret was rotated by someone else at the same moment; rotate again');
  return { ...toEndpoint(saved), secret };
}

/** Stops an endpoint: rules naming it skip it, waiting deliveries give up on their next attempt. */
export async function disableWebhookEndpoint(tenant: TenantDb, audit: AuditLog, id: string) {
  await tenant.get(webhookEndpoints, id, 'Webhook endpoint');
  await tenant.batch([
    tenant.update(
      webhookEndpoints,
      { disabledAt: iso() },
      and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.disabledAt)) as SQL,
    ),
    audit.statement({
      action: 'update',
      entityType: 'webhook_endpoint',
      entityId: id,
      detail: { disabled: true },
    }),
  ]);
  return toEndpoint(await tenant.get(webhookEndpoints, id, 'Webhook endpoint'));
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
const toDelivery = (r: DeliveryRow) => ({
  id: r.id,
  endpointId: r.endpointId,
  ruleId: r.ruleId,
  eventType: r.eventType,
  status: r.status as 'enqueued' | 'sending' | 'retrying' | 'delivered' | 'failed',
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
  deliveredAt: r.deliveredAt,
  lastError: r.lastError,
  createdAt: r.createdAt,
});

/** Deliveries, newest first (of one endpoint, or all), keyset-paged. */
export async function listWebhookDeliveries(
  tenant: TenantDb,
  query: z.infer<typeof webhookDeliveryQuerySchema>,
) {
  const rows = await tenant
    .select(
      webhookDeliveries,
      and(
        query.endpointId ? eq(webhookDeliveries.endpointId, query.endpointId) : undefined,
        afterCursor(webhookDeliveries.createdAt, webhookDeliveries.id, decodeCursor(query.cursor)),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  return pageFrom(rows.map(toDelivery), query.limit);
}

/** One delivery with the body it sends and every attempt: when, the answer's status and excerpt, or the error. */
export async function getWebhookDelivery(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await tenant.get(webhookDeliveries, id, 'Webhook delivery');
  // The body names a patient or lead by id.
  audit.record({ action: 'read', entityType: 'webhook_delivery', entityId: id });
  const log = await tenant
    .select(webhookAttempts, eq(webhookAttempts.deliveryId, id))
    .orderBy(asc(webhookAttempts.attempt));
  return {
    ...toDelivery(row),
    payload: row.payload,
    log: log.map((a) => ({
      attempt: a.attempt,
      at: a.at,
      responseStatus: a.responseStatus,
      responseExcerpt: a.responseExcerpt,
      error: a.error,
      durationMs: a.durationMs,
    })),
  };
}
