import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';
import { AUTHORIZATION_ELEMENTS, IDENTITY_METHODS } from '../records/authorization';
import { ACCESS_KINDS, DAY_CLOCKS, REQUESTER_KINDS, RULE_STATES } from '../records/deadline-rules';
import { RECORDS_DIRECTIONS, RECORDS_STATUSES } from '../records/statuses';
import { emailSchema, idSchema, listQuerySchema, pageOf, timestampSchema } from './common';
import { INTAKE_DELIVERIES, intakeRequestWithLinkSchema } from './intake-api';
import { multiLineText, requiredText, singleLineText } from './text';

export const RECEIVED_VIA = ['email', 'mail', 'fax', 'portal', 'in_person', 'phone'] as const;
export const DELIVERY_METHODS = ['secure_link', 'email', 'mail', 'fax', 'pick_up'] as const;

const dateSchema = z.string().refine(isCalendarDate, { message: 'expected a date YYYY-MM-DD' });

export const recordsPartySchema = z.strictObject({
  name: requiredText('Enter who asks or holds the records', 160),
  organization: singleLineText(160).optional(),
  email: emailSchema.optional(),
  phone: singleLineText(40).optional(),
  fax: singleLineText(40).optional(),
  address: multiLineText(500).optional(),
  /** The referring-provider directory's entry, when there is one. */
  referringProviderId: idSchema.optional(),
});

export const recordsRequestCreateSchema = z
  .strictObject({
    direction: z.enum(RECORDS_DIRECTIONS),
    patientId: idSchema.optional(),
    leadId: idSchema.optional(),
    requesterKind: z.enum(REQUESTER_KINDS),
    party: recordsPartySchema,
    recordTypes: z.array(requiredText('Name the kind of record', 80)).min(1, 'Say which records').max(20),
    dateFrom: dateSchema.optional(),
    dateTo: dateSchema.optional(),
    accessKind: z.enum(ACCESS_KINDS).default('copies'),
    purpose: requiredText('Enter the purpose', 300),
    receivedVia: z.enum(RECEIVED_VIA),
    deliveryMethod: z.enum(DELIVERY_METHODS),
    trackingNumber: singleLineText(80).optional(),
    faxNumber: singleLineText(40).optional(),
    receivedOn: dateSchema,
    assigneeId: idSchema.optional(),
    notes: multiLineText(4000).optional(),
  })
  .refine((v) => !!v.patientId !== !!v.leadId, {
    message: 'Choose the patient (or the lead before conversion)',
    path: ['patientId'],
  })
  .refine((v) => !v.dateFrom || !v.dateTo || v.dateFrom <= v.dateTo, {
    message: 'The range ends before it starts',
    path: ['dateTo'],
  })
  .refine((v) => v.direction === 'outgoing' || v.requesterKind === 'third_party', {
    message: 'The practice asks another provider: the holder is a third party',
    path: ['requesterKind'],
  });
export type RecordsRequestCreate = z.infer<typeof recordsRequestCreateSchema>;

export const recordsMoveSchema = z.strictObject({
  to: z.enum(RECORDS_STATUSES),
  reason: multiLineText(1000).optional(),
});

/** Sending the built-in authorization form for the patient (or their responsible party) to sign online. */
export const recordsAuthorizationFormSchema = z.strictObject({
  delivery: z.enum(INTAKE_DELIVERIES).default('email'),
  /** Where to email the link; defaults to the patient's address (the responsible party's for a minor). */
  email: emailSchema.optional(),
  expiresInDays: z.number().int().min(1).max(60).default(14),
});

export const recordsExtensionSchema = z.strictObject({
  reason: requiredText('Give the reason for the delay', 1000),
});

/** The identity check of a patient's own request, or the authorization's elements for anyone else. */
export const recordsAuthorizationInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('identity'), method: z.enum(IDENTITY_METHODS) }),
  z.strictObject({
    kind: z.literal('authorization'),
    elements: z.array(z.enum(AUTHORIZATION_ELEMENTS)).max(AUTHORIZATION_ELEMENTS.length),
    signedByRepresentative: z.boolean().default(false),
    representativeAuthority: z.boolean().default(false),
    expiresOn: dateSchema.optional(),
    psychotherapyNotes: z.boolean().default(false),
  }),
]);

const authorizationCheckSchema = z.union([
  z.object({
    kind: z.literal('identity'),
    method: z.enum(IDENTITY_METHODS),
    checkedBy: z.string(),
    checkedAt: z.string(),
  }),
  z.object({
    kind: z.literal('authorization'),
    elements: z.array(z.enum(AUTHORIZATION_ELEMENTS)),
    signedByRepresentative: z.boolean(),
    representativeAuthority: z.boolean(),
    expiresOn: z.string().nullable(),
    psychotherapyNotes: z.boolean(),
    checkedBy: z.string(),
    checkedAt: z.string(),
    /** Ticked from the form the patient signed online: its intake submission. */
    submissionId: z.string().optional(),
  }),
]);

export const dueRuleSchema = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  name: z.string(),
  days: z.number(),
  clock: z.enum(DAY_CLOCKS),
  citation: z.string(),
});

export const recordsRequestSchema = z.object({
  id: z.string(),
  direction: z.enum(RECORDS_DIRECTIONS),
  patientId: z.string().nullable(),
  leadId: z.string().nullable(),
  subjectName: z.string(),
  requesterKind: z.enum(REQUESTER_KINDS),
  party: z.object({
    name: z.string(),
    organization: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    address: z.string().nullable(),
    referringProviderId: z.string().nullable(),
  }),
  recordTypes: z.array(z.string()),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  accessKind: z.enum(ACCESS_KINDS),
  purpose: z.string(),
  receivedVia: z.enum(RECEIVED_VIA),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  trackingNumber: z.string().nullable(),
  faxNumber: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string(),
  dueRule: dueRuleSchema,
  daysLeft: z.number(),
  extendedAt: z.string().nullable(),
  extensionReason: z.string().nullable(),
  status: z.enum(RECORDS_STATUSES),
  open: z.boolean(),
  statusReason: z.string().nullable(),
  authorization: authorizationCheckSchema.nullable(),
  /** What still stands in the way of approval, in the requester's terms. */
  missingForRelease: z.array(z.string()),
  protectedRecords: z.boolean(),
  /** The signed authorization (and the separate one protected records need) is on file. */
  hasAuthorizationFile: z.boolean(),
  hasProtectedAuthorizationFile: z.boolean(),
  /** The intake request of the latest authorization form sent to sign online. */
  authorizationFormId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  notes: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type RecordsRequest = z.infer<typeof recordsRequestSchema>;
export const recordsRequestPageSchema = pageOf(recordsRequestSchema);

export const recordsListQuerySchema = listQuerySchema.extend({
  open: z.enum(['true', 'false']).optional(),
  status: z.enum(RECORDS_STATUSES).optional(),
  direction: z.enum(RECORDS_DIRECTIONS).optional(),
  patientId: idSchema.optional(),
});

export const recordsEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  text: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestampSchema,
});
export type RecordsEvent = z.infer<typeof recordsEventSchema>;
export const recordsTimelineSchema = z.object({ items: z.array(recordsEventSchema) });

export const customRuleSchema = z.strictObject({
  name: requiredText('Name the rule', 120),
  requesters: z.array(z.enum(REQUESTER_KINDS)).min(1),
  accessKinds: z.array(z.enum(ACCESS_KINDS)).min(1),
  days: z.number().int().min(1).max(365),
  clock: z.enum(DAY_CLOCKS),
  citation: requiredText('Say where the rule comes from', 300),
});

export const recordsSettingsUpdateSchema = z.strictObject({
  states: z.array(z.enum(RULE_STATES)).max(RULE_STATES.length),
  customRules: z.array(customRuleSchema).max(20),
  thirdPartyDays: z.number().int().min(1).max(90),
  followUpDays: z.number().int().min(1).max(90),
});

const ruleSchema = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  name: z.string(),
  requesters: z.array(z.enum(REQUESTER_KINDS)),
  accessKinds: z.array(z.enum(ACCESS_KINDS)),
  days: z.number(),
  clock: z.enum(DAY_CLOCKS),
  extension: z.object({ days: z.number(), clock: z.enum(DAY_CLOCKS), how: z.string() }).nullable(),
  citation: z.string(),
  lastReviewed: z.string(),
});

export const recordsSettingsSchema = z.object({
  states: z.array(z.enum(RULE_STATES)),
  customRules: z.array(ruleSchema),
  thirdPartyDays: z.number(),
  followUpDays: z.number(),
  /** Every legal rule shipped, chosen or not, with its source. */
  legalRules: z.array(ruleSchema),
});
export type RecordsSettings = z.infer<typeof recordsSettingsSchema>;

export const recordsFiguresQuerySchema = z
  .strictObject({ from: dateSchema, to: dateSchema })
  .refine((v) => v.from <= v.to, { message: 'The period ends before it starts', path: ['to'] });

/** A period's figures over the outgoing requests received in it. */
export const recordsFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number(),
  completed: z.number(),
  /** Days from receipt to completion; null when nothing was completed. */
  medianTurnaroundDays: z.number().nullable(),
  p90TurnaroundDays: z.number().nullable(),
  /** Completed by the due date, as a share of those completed. */
  onTimeShare: z.number().nullable(),
});
export type RecordsFigures = z.infer<typeof recordsFiguresSchema>;

/** The form sent (its link shown this once) and the request that now waits for it. */
export const recordsAuthorizationFormSentSchema = z.object({
  form: intakeRequestWithLinkSchema,
  request: recordsRequestSchema,
});
