import { z } from 'zod';
import { CONSENT_KINDS, SIGNER_RELATIONSHIPS } from '../consents';
import { idSchema, timestampSchema } from './common';
import { requiredText } from './text';

/** Exactly one of patientId or leadId: whose consents to list. */
export const consentListQuerySchema = z
  .strictObject({
    patientId: idSchema.optional(),
    leadId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(1000).optional(),
  })
  .refine((q) => (q.patientId === undefined) !== (q.leadId === undefined), {
    message: 'Give either patientId or leadId',
    path: ['patientId'],
  });

export const consentRevokeSchema = z.strictObject({
  reason: requiredText('Say why the consent is revoked', 500),
});

export const consentSchema = z.object({
  id: z.string(),
  kind: z.enum(CONSENT_KINDS),
  /** The consent field's label on the form the person signed. */
  title: z.string(),
  /** The form and its published version whose text was shown; the hash is of that exact text. */
  text: z.object({
    formName: z.string(),
    versionId: z.string(),
    version: z.number().int(),
    sha256: z.string(),
  }),
  signedBy: z.object({
    name: z.string(),
    relationship: z.enum(SIGNER_RELATIONSHIPS),
    /** The relationship as the guardian typed it ("Father"); null when the patient signed. */
    stated: z.string().nullable(),
  }),
  /** For whom: the lead or patient the form was sent to. */
  subject: z.object({ leadId: z.string().nullable(), patientId: z.string().nullable() }),
  signedAt: timestampSchema,
  submissionId: z.string(),
  revoked: z
    .object({ at: timestampSchema, byUserId: z.string(), byName: z.string().nullable(), reason: z.string() })
    .nullable(),
});

export type Consent = z.infer<typeof consentSchema>;
