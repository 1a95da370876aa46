import { z } from 'zod';
import { timestampSchema } from './common';

export const AUDIT_ACTIONS = [
  'create',
  'read',
  'list',
  'update',
  'delete',
  'export',
  'login',
  'login_failed',
  'logout',
  'invite',
  'accept_invitation',
  'password_reset_request',
  'password_reset',
  'two_factor_enable',
  'two_factor_disable',
] as const;
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const auditEventSchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  /** The actor's name as a member of this organisation; null for the system or a former account. */
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestampSchema,
});

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  actorUserId: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type AuditEvent = z.infer<typeof auditEventSchema>;
