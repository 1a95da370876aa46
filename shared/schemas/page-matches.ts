import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';
import { CONTRACT_STATUSES } from '../contract-status';
import { identifiesSomething } from '../page-identifiers';
import { emailSchema } from './common';
import { ENROLLMENT_STATUSES } from './patients';
import { singleLineText } from './text';

/**
 * What the panel read on a page, sent only to find who or what it shows.
 * Nothing of it is stored: the audit event names the fields sent, not their values.
 */
export const pageMatchRequestSchema = z
  .strictObject({
    firstName: singleLineText(80).optional(),
    lastName: singleLineText(80).optional(),
    dateOfBirth: z.string().refine(isCalendarDate, { message: 'expected a date YYYY-MM-DD' }).optional(),
    mrn: singleLineText(40).optional(),
    residentNumber: singleLineText(40).optional(),
    phone: singleLineText(40).optional(),
    email: emailSchema.optional(),
    roomNumber: singleLineText(20).optional(),
    facilityName: singleLineText(200).optional(),
    addressLine1: singleLineText(200).optional(),
    city: singleLineText(100).optional(),
    state: singleLineText(40).optional(),
    postalCode: singleLineText(20).optional(),
  })
  .refine(identifiesSomething, {
    message:
      'Nothing on this page identifies a person or a facility: send a name, MRN, phone, email or facility',
  });

const nextItemSchema = z.object({ id: z.string(), title: z.string(), required: z.boolean() });

const patientCardSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  mrn: z.string().nullable(),
  roomNumber: z.string().nullable(),
  facilityId: z.string(),
  facilityName: z.string(),
  enrollmentStatus: z.enum(ENROLLMENT_STATUSES),
  checklist: z.object({ done: z.number(), total: z.number(), next: z.array(nextItemSchema) }),
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  openIntakeRequests: z.number(),
});

const leadCardSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  stage: z.string(),
  score: z.number(),
  nextFollowUp: z.object({ title: z.string(), dueAt: z.string() }).nullable(),
});

const facilityCardSchema = z.object({
  name: z.string(),
  city: z.string(),
  state: z.string(),
  contractStatus: z.enum(CONTRACT_STATUSES),
  patients: z.number(),
  activePatients: z.number(),
});

const base = { id: z.string(), score: z.number(), reasons: z.array(z.string()) };

export const pageMatchCandidateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), ...base, patient: patientCardSchema }),
  z.object({ kind: z.literal('lead'), ...base, lead: leadCardSchema }),
  z.object({ kind: z.literal('facility'), ...base, facility: facilityCardSchema }),
]);

export const pageMatchResponseSchema = z.object({ candidates: z.array(pageMatchCandidateSchema) });

export type PageMatchRequest = z.infer<typeof pageMatchRequestSchema>;
export type PageMatchCandidate = z.infer<typeof pageMatchCandidateSchema>;
export type PageMatchResponse = z.infer<typeof pageMatchResponseSchema>;
