import { z } from 'zod';
import { isCommonPassword } from '../common-passwords';
import { ROLES } from '../permissions';
import { emailSchema, idSchema, timestampSchema } from './common';

export const PASSWORD_MIN_LENGTH = 12;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(200, { message: 'Use at most 200 characters' })
  .refine((p) => !isCommonPassword(p), { message: 'This password is too common; choose another' });

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
  organizationId: idSchema.optional(),
});

export const twoFactorLoginBodySchema = z.strictObject({
  challengeToken: z.string().min(1).max(200),
  code: z.string().trim().min(6).max(20),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  twoFactorEnabled: z.boolean(),
});

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  requireTwoFactor: z.boolean(),
});

export const meSchema = z.object({
  user: userSchema,
  organization: organizationSchema,
  role: z.enum(ROLES),
  permissions: z.array(z.string()),
  session: z.object({ expiresAt: timestampSchema, idleTimeoutSeconds: z.number() }),
  /** True when the organisation requires two-factor sign-in and this user has not set it up yet. */
  twoFactorSetupRequired: z.boolean(),
});

export const sessionResponseSchema = z.object({
  status: z.literal('signed_in'),
  token: z.string(),
  expiresAt: timestampSchema,
  me: meSchema,
});

export const twoFactorChallengeSchema = z.object({
  status: z.literal('two_factor_required'),
  challengeToken: z.string(),
  expiresAt: timestampSchema,
});

export const loginResponseSchema = z.union([sessionResponseSchema, twoFactorChallengeSchema]);

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetConfirmSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: newPasswordSchema,
});

export const twoFactorSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const twoFactorEnableSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const twoFactorEnabledSchema = z.object({ backupCodes: z.array(z.string()) });
export const twoFactorDisableSchema = z.strictObject({ password: z.string().min(1).max(200) });

export type LoginBody = z.infer<typeof loginBodySchema>;
export type Me = z.infer<typeof meSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type Organization = z.infer<typeof organizationSchema>;
