import { z } from 'zod';
import { ROLES } from '../permissions';
import { emailSchema, timestampSchema } from './common';
import { requiredText } from './text';

export const MEMBERSHIP_STATUSES = ['active', 'deactivated'] as const;
export const INVITATION_STATES = ['sent', 'accepted', 'expired', 'revoked'] as const;

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(MEMBERSHIP_STATUSES),
  twoFactorEnabled: z.boolean(),
  createdAt: timestampSchema,
});

export const memberUpdateSchema = z
  .strictObject({ role: z.enum(ROLES).optional(), status: z.enum(MEMBERSHIP_STATUSES).optional() })
  .refine((v) => v.role !== undefined || v.status !== undefined, { message: 'Nothing to change' });

export const invitationCreateSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(ROLES),
  name: requiredText('Enter a name', 120).optional(),
});

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  state: z.enum(INVITATION_STATES),
  invitedBy: z.string().nullable(),
  createdAt: timestampSchema,
  sentAt: timestampSchema,
  expiresAt: timestampSchema,
  acceptedAt: timestampSchema.nullable(),
});

export const organizationUpdateSchema = z
  .strictObject({
    name: requiredText('Enter the organisation name', 120).optional(),
    requireTwoFactor: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

export type Member = z.infer<typeof memberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;
