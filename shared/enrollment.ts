/**
 * Enrollment status, derived in one place from the checklist (spec 000, step 5):
 * not started until anything is done, in progress as soon as something is,
 * active when every required item is done, completed when staff discharge the
 * patient or close the care cycle. Optional items never hold anyone back.
 */
export const ENROLLMENT_ORDER = ['not_started', 'in_progress', 'active', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_ORDER)[number];

export const ENROLLMENT_LABELS: Record<EnrollmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  active: 'Active',
  completed: 'Completed',
};

export type ChecklistState = { required: boolean; done: boolean; removed?: boolean };

export type Enrollment = {
  status: EnrollmentStatus;
  /** What the checklist alone says. */
  derived: EnrollmentStatus;
  /** A manual override is ahead of the checklist. */
  overridden: boolean;
  progress: {
    requiredDone: number;
    requiredTotal: number;
    percent: number;
    optionalDone: number;
    optionalTotal: number;
  };
  /** Why the checklist cannot move on its own (spec 000 troubleshooting), shown to the user. */
  warnings: string[];
};

const rank = (s: EnrollmentStatus) => ENROLLMENT_ORDER.indexOf(s);

export function deriveEnrollment(
  items: ChecklistState[],
  patient: { completedAt?: string | null; statusOverride?: string | null } = {},
): Enrollment {
  const live = items.filter((i) => !i.removed);
  const required = live.filter((i) => i.required);
  const optional = live.filter((i) => !i.required);
  const requiredDone = required.filter((i) => i.done).length;
  const anyDone = live.some((i) => i.done);
  const warnings: string[] = [];
  if (live.length === 0) warnings.push('This checklist has no items yet.');
  else if (required.length === 0)
    warnings.push('No item is marked required, so the checklist alone cannot make the patient active.');

  let derived: EnrollmentStatus = 'not_started';
  if (patient.completedAt) derived = 'completed';
  else if (required.length > 0 && requiredDone === required.length) derived = 'active';
  else if (anyDone) derived = 'in_progress';

  const override = ENROLLMENT_ORDER.find((s) => s === patient.statusOverride);
  const overridden = !!override && rank(override) > rank(derived);
  return {
    status: overridden ? override! : derived,
    derived,
    overridden,
    progress: {
      requiredDone,
      requiredTotal: required.length,
      percent: required.length ? Math.round((requiredDone / required.length) * 100) : 0,
      optionalDone: optional.filter((i) => i.done).length,
      optionalTotal: optional.length,
    },
    warnings,
  };
}
