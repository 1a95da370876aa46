import { z } from 'zod';
import { ENROLLMENT_ORDER } from '../enrollment';
import { idSchema } from './common';
import { multiLineText, requiredText, singleLineText } from './text';

export const ITEM_KINDS = ['document', 'task'] as const;
/** An onboarding item, or a task a discharge adds to the patient's checklist. */
export const ITEM_STAGES = ['enrollment', 'discharge'] as const;

export const checklistItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  kind: z.enum(ITEM_KINDS),
  required: z.boolean(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  document: z.object({ fileName: z.string() }).nullable(),
  evidence: z
    .object({ url: z.string(), title: z.string(), capturedAt: z.string(), textSha256: z.string() })
    .nullable(),
  removed: z.boolean(),
});

export const checklistSchema = z.object({
  patientId: z.string(),
  items: z.array(checklistItemSchema),
  enrollment: z.object({
    status: z.enum(ENROLLMENT_ORDER),
    derived: z.enum(ENROLLMENT_ORDER),
    overridden: z.boolean(),
    overrideReason: z.string().nullable(),
    progress: z.object({
      requiredDone: z.number(),
      requiredTotal: z.number(),
      percent: z.number(),
      optionalDone: z.number(),
      optionalTotal: z.number(),
    }),
    warnings: z.array(z.string()),
  }),
});

export const completeItemSchema = z.strictObject({ note: multiLineText(2000).optional() });
export const itemNoteSchema = z.strictObject({ note: multiLineText(2000) });
export const evidenceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  title: singleLineText(500),
  text: multiLineText(500_000),
});
export const statusChangeSchema = z.strictObject({
  status: z.enum(ENROLLMENT_ORDER),
  reason: multiLineText(500).min(3, { message: 'Give a reason' }),
});

/** "Intake form X submitted": the item completes itself when the patient submits that form. */
const intakeTemplateIdSchema = idSchema.describe('An intake template whose submission completes the item');

export const templateItemInputSchema = z.strictObject({
  title: requiredText('Enter the item title'),
  description: multiLineText(1000).optional(),
  kind: z.enum(ITEM_KINDS),
  required: z.boolean(),
  intakeTemplateId: intakeTemplateIdSchema.optional(),
  appliesOn: z.enum(ITEM_STAGES).optional(),
});
export const templateItemUpdateSchema = z
  .strictObject({
    title: requiredText('Enter the item title').optional(),
    description: multiLineText(1000).nullable().optional(),
    kind: z.enum(ITEM_KINDS).optional(),
    required: z.boolean().optional(),
    /** null unlinks the item from its intake form. */
    intakeTemplateId: intakeTemplateIdSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
/** A template edit to preview before saving it: the same bodies as the edit routes. */
export const templateChangePreviewSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), item: templateItemInputSchema }),
  z.strictObject({ op: z.literal('update'), itemId: idSchema, changes: templateItemUpdateSchema }),
  z.strictObject({ op: z.literal('remove'), itemId: idSchema }),
]);
export type TemplateChangePreviewInput = z.infer<typeof templateChangePreviewSchema>;

/** Who a template edit would reach and how each one's enrollment status would move. */
export const templatePreviewSchema = z.object({
  patientsAffected: z.number(),
  statusChanges: z.number(),
  /** Already active: their checklist is finished and the edit leaves it alone. */
  activeUntouched: z.number(),
  patients: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      from: z.enum(ENROLLMENT_ORDER),
      to: z.enum(ENROLLMENT_ORDER),
      itemsAdded: z.number(),
      itemsChanged: z.number(),
      itemsRemoved: z.number(),
    }),
  ),
  /** More patients are affected than listed (status changes are listed first). */
  truncated: z.boolean(),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;

export const reorderSchema = z.strictObject({ itemIds: z.array(idSchema).min(1).max(200) });

export const templateSchema = z.object({
  id: z.string(),
  facilityId: z.string().nullable(),
  name: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      kind: z.enum(ITEM_KINDS),
      required: z.boolean(),
      intakeTemplateId: z.string().nullable(),
      appliesOn: z.enum(ITEM_STAGES),
    }),
  ),
});

/** A template as the editor shows it; after an edit, how many patients' checklists changed with it. */
export const templateAnswerSchema = templateSchema.extend({ patientsUpdated: z.number().optional() });
export const facilityTemplateQuerySchema = z.strictObject({ facilityId: idSchema });
export const facilityOverrideSchema = z.strictObject({ facilityId: idSchema });

export const trackerQuerySchema = z.strictObject({
  facilityId: idSchema,
  status: z.enum(ENROLLMENT_ORDER).optional(),
  missing: z.string().max(200).optional(),
  q: singleLineText(100).optional(),
  sort: z.enum(['name', 'status', 'progress', 'updated']).default('name'),
});
export const trackerRowSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  enrollmentStatus: z.enum(ENROLLMENT_ORDER),
  overridden: z.boolean(),
  visitPreference: z.string(),
  meetingStatus: z.string(),
  progress: z.object({
    requiredDone: z.number(),
    requiredTotal: z.number(),
    percent: z.number(),
    optionalDone: z.number(),
    optionalTotal: z.number(),
  }),
  missing: z.array(z.string()),
  lastUpdate: z.string(),
});
export const trackerGridSchema = z.object({
  items: z.array(trackerRowSchema),
  worklist: z.array(z.object({ title: z.string(), patients: z.number() })),
  truncated: z.boolean(),
});

export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistTemplate = z.infer<typeof templateAnswerSchema>;
export type TrackerRow = z.infer<typeof trackerRowSchema>;
export type TrackerGrid = z.infer<typeof trackerGridSchema>;

/** Every enrollment status change of a patient, oldest first. */
export const statusHistorySchema = z.object({
  items: z.array(
    z.object({
      fromStatus: z.string(),
      toStatus: z.string(),
      reason: z.string(),
      changedBy: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export type StatusChange = z.infer<typeof statusHistorySchema>['items'][number];
