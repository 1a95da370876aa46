import { z } from 'zod';
import { idSchema, pageOf, timestampSchema } from './common';
import { singleLineText } from './text';

/** An address webhook actions POST to; https (plain http only to this machine, in development). */
export const webhookEndpointCreateSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'Enter the full address, starting with https://' }).max(2000),
  description: singleLineText(200).nullable().optional(),
});

/** A new address or description for an endpoint; its secret and deliveries stay. */
export const webhookEndpointUpdateSchema = webhookEndpointCreateSchema
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/** The hours the old secret keeps signing beside the new one after a rotation; 0 stops it at once. */
export const webhookRotateSchema = z.strictObject({
  overlapHours: z.union([z.literal(0), z.literal(24)]).default(24),
});

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  /** Until when the secret before the last rotation still signs too (null: only the current one). */
  previousSecretUntil: timestampSchema.nullable(),
  disabledAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;
export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

/** The answer to creating an endpoint: the only time its signing secret is shown. */
export const webhookEndpointCreatedSchema = webhookEndpointSchema.extend({
  /** `whsec_` and base64: verify `webhook-signature` with it (Standard Webhooks). */
  secret: z.string(),
});

export const WEBHOOK_DELIVERY_STATUSES = ['enqueued', 'sending', 'retrying', 'delivered', 'failed'] as const;

export const webhookAttemptSchema = z.object({
  attempt: z.number(),
  at: timestampSchema,
  /** The receiver's HTTP status; null when no answer came. */
  responseStatus: z.number().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  ruleId: z.string().nullable(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: timestampSchema.nullable(),
  deliveredAt: timestampSchema.nullable(),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
});
export const webhookDeliveryPageSchema = pageOf(webhookDeliverySchema);
export const webhookDeliveryDetailSchema = webhookDeliverySchema.extend({
  /** The exact JSON body sent (ids only). */
  payload: z.string(),
  log: z.array(webhookAttemptSchema),
});

export const webhookDeliveryQuerySchema = z.strictObject({
  endpointId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
