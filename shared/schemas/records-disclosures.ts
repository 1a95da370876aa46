import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

export const disclosureSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  releasedAt: timestampSchema,
  recipientName: z.string(),
  recipientOrganization: z.string().nullable(),
  /** Where it went: the email a link was sent to, the address or fax number, or pick-up. */
  recipientAddress: z.string().nullable(),
  description: z.string(),
  purpose: z.string(),
  method: z.string(),
  /** Released to the patient themselves (listed, though HIPAA's accounting need not include it). */
  toPatient: z.boolean(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

export const disclosureParams = z.object({ patientId: idSchema });
export const disclosureExportParams = z.object({ patientId: idSchema, format: z.enum(['csv', 'pdf']) });

export const disclosureListSchema = z.object({
  patientId: z.string(),
  patientName: z.string(),
  items: z.array(disclosureSchema),
});
export type DisclosureList = z.infer<typeof disclosureListSchema>;
