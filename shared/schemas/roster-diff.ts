import { z } from 'zod';
import { idSchema, timestampSchema } from './common';
import { ROSTER_SOURCES, rosterCommitRowSchema, rosterPreviewResultSchema } from './patients';
import { singleLineText } from './text';

/** The patient fields a roster can change on someone already in the CRM. */
export const ROSTER_CHANGE_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'roomNumber',
  'mrn',
  'email',
  'phone',
] as const;
export type RosterChangeField = (typeof ROSTER_CHANGE_FIELDS)[number];

/** How a roster row was recognised as a patient already at the facility. */
export const ROSTER_MATCHES = ['record_number', 'name_and_birth_date', 'similar_name'] as const;

const currentPatientSchema = z.object({
  patientId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  roomNumber: z.string().nullable(),
  mrn: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

/**
 * The roster against the facility's current patients, when it has some and
 * the roster names at least one of them: who is new, who is gone, who changed.
 */
export const rosterDiffSchema = z.object({
  /** Current (not discharged) patients of the facility compared with. */
  current: z.number(),
  /** Rows (indexes into `rows`) naming nobody in the CRM. */
  admissions: z.array(z.object({ row: z.number() })),
  /**
   * Rows naming a patient the facility discharged (same name and birth date):
   * offered as that patient's return, not as a new patient.
   */
  readmissions: z.array(
    z.object({
      row: z.number(),
      patient: currentPatientSchema.extend({ dischargedAt: timestampSchema }),
    }),
  ),
  /** Current patients the roster does not name. */
  discharges: z.array(currentPatientSchema),
  /** Rows naming a current patient with some field different. */
  changes: z.array(
    z.object({
      row: z.number(),
      patient: currentPatientSchema,
      matchedBy: z.enum(ROSTER_MATCHES),
      fields: z.array(
        z.object({ field: z.enum(ROSTER_CHANGE_FIELDS), from: z.string().nullable(), to: z.string() }),
      ),
    }),
  ),
  /** Rows naming a current patient exactly as the CRM has them. */
  unchanged: z.number(),
  /**
   * Rows with errors (a bad date, a missing name), which cannot be compared
   * until fixed: whose they seem to be, why, and the current patients they
   * may name, whose discharge is not proposed meanwhile.
   */
  couldNotCompare: z.array(
    z.object({
      row: z.number(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      errors: z.array(z.object({ field: z.string(), issue: z.string() })),
      patients: z.array(currentPatientSchema),
    }),
  ),
});
export type RosterDiff = z.infer<typeof rosterDiffSchema>;

export const rosterPreviewWithDiffSchema = rosterPreviewResultSchema.extend({
  diff: rosterDiffSchema.optional(),
});
export type RosterPreviewWithDiff = z.infer<typeof rosterPreviewWithDiffSchema>;

const MAX_DIFF_ITEMS = 5000;

/** What the person confirmed of a roster diff; everything else stays as it is. */
export const rosterApplySchema = z
  .strictObject({
    facilityId: idSchema,
    fileName: singleLineText(200).optional(),
    source: z.enum(ROSTER_SOURCES),
    admissions: z.array(rosterCommitRowSchema).max(MAX_DIFF_ITEMS).default([]),
    /** Discharged patients back on the roster, with the room the roster gives them. */
    readmissions: z
      .array(z.strictObject({ patientId: idSchema, roomNumber: singleLineText(20).min(1).optional() }))
      .max(MAX_DIFF_ITEMS)
      .default([]),
    discharges: z
      .array(z.strictObject({ patientId: idSchema }))
      .max(MAX_DIFF_ITEMS)
      .default([]),
    changes: z
      .array(
        z.strictObject({
          patientId: idSchema,
          firstName: singleLineText(80).min(1).optional(),
          lastName: singleLineText(80).min(1).optional(),
          dateOfBirth: singleLineText(40).min(1).optional(),
          roomNumber: singleLineText(20).min(1).optional(),
          mrn: singleLineText(40).min(1).optional(),
          // Checked as a patient's contact is (a real address, enough digits) before anything is written.
          email: singleLineText(254).min(1).optional(),
          phone: singleLineText(40).min(1).optional(),
        }),
      )
      .max(MAX_DIFF_ITEMS)
      .default([]),
  })
  .refine((v) => v.admissions.length + v.readmissions.length + v.discharges.length + v.changes.length > 0, {
    message: 'Confirm at least one admission, readmission, discharge or change',
  });
export type RosterApply = z.infer<typeof rosterApplySchema>;

export const rosterAppliedSchema = z.object({
  /** The import record of the admissions, when there were any. */
  importId: z.string().nullable(),
  admitted: z.array(z.string()),
  /** Discharged patients who came back: their own record, enrollment open again. */
  readmitted: z.array(z.string()),
  discharged: z.array(z.string()),
  changed: z.array(z.string()),
  /** Checklist items (tasks) the admissions and discharges added, from the facility's template. */
  tasksCreated: z.number(),
});
export type RosterApplied = z.infer<typeof rosterAppliedSchema>;
