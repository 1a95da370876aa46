import { z } from 'zod';
import { emailSchema, idSchema, timestampSchema } from './common';

/** `protected_authorization`: the separate signed authorization psychotherapy notes need. */
export const RECORDS_FILE_KINDS = [
  'release',
  'received',
  'authorization',
  'protected_authorization',
] as const;
export type RecordsFileKind = (typeof RECORDS_FILE_KINDS)[number];

export const recordsFileSchema = z.object({
  id: z.string(),
  kind: z.enum(RECORDS_FILE_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  /** Null when the other provider uploaded it through an upload link. */
  uploadedBy: z.string().nullable(),
  createdAt: timestampSchema,
});
export type RecordsFile = z.infer<typeof recordsFileSchema>;
export const recordsFileListSchema = z.object({ items: z.array(recordsFileSchema) });

/** Sending the records: a download link behind a one-time code, each emailed on its own. */
export const secureLinkCreateSchema = z.strictObject({
  /** The release files to send; all of the request's when left out. */
  fileIds: z.array(idSchema).min(1).max(50).optional(),
  /** The requester's address on the request when left out. */
  email: emailSchema.optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
  maxDownloads: z.number().int().min(1).max(20).default(5),
});

/** Asking the holder of a new patient's records to upload them, once. */
export const uploadLinkCreateSchema = z.strictObject({
  email: emailSchema.optional(),
  expiresInDays: z.number().int().min(1).max(30).default(14),
});

export const LINK_EVENT_KINDS = [
  'sent',
  'view',
  'code_sent',
  'code_refused',
  'code_accepted',
  'download',
  'upload',
  'revoked',
] as const;

export const recordsLinkEventSchema = z.object({
  id: z.string(),
  kind: z.enum(LINK_EVENT_KINDS),
  fileId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: timestampSchema,
});

export const recordsLinkSchema = z.object({
  id: z.string(),
  purpose: z.enum(['download', 'upload']),
  recipientEmail: z.string(),
  fileIds: z.array(z.string()),
  expiresAt: timestampSchema,
  maxDownloads: z.number(),
  downloads: z.number(),
  /** `active`, `expired`, `used_up` (download limit or upload made) or `revoked`. */
  state: z.enum(['active', 'expired', 'used_up', 'revoked']),
  revokedAt: z.string().nullable(),
  createdAt: timestampSchema,
  /** Every view, code, download and upload, newest first, with time and address. */
  events: z.array(recordsLinkEventSchema),
});
export type RecordsLink = z.infer<typeof recordsLinkSchema>;
export const recordsLinkListSchema = z.object({ items: z.array(recordsLinkSchema) });

/** A new link: the URL is in this answer only (it is stored hashed). */
export const recordsLinkCreatedSchema = recordsLinkSchema.extend({ url: z.string() });

export const recordsFileParams = z.object({ id: idSchema, fileId: idSchema });
export const recordsLinkParams = z.object({ id: idSchema, linkId: idSchema });
