import { action, createModel, signal } from '@preact/signals';
import type { ConsultationOutcome } from '../../../shared/referral-letters';
import type { Letter, Milestones, MilestonesUpdate } from '../../../shared/schemas/referral-letters';
import { api, call } from '../../api/client';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';

export type MilestoneValues = {
  consultationDate: string;
  consultationOutcome: ConsultationOutcome | '';
  findings: string;
  treatmentStartDate: string;
  completedDate: string;
};

const valuesOf = (m: Milestones): MilestoneValues => ({
  consultationDate: m.consultationDate ?? '',
  consultationOutcome: m.consultationOutcome ?? '',
  findings: m.findings ?? '',
  treatmentStartDate: m.treatmentStartDate ?? '',
  completedDate: m.completedDate ?? '',
});

/** Only what changed is sent: each milestone given queues its letter (once per event). */
function changes(saved: MilestoneValues, v: MilestoneValues): MilestonesUpdate {
  const out: MilestonesUpdate = {};
  const outcomeChanged =
    v.consultationOutcome !== saved.consultationOutcome ||
    v.consultationDate !== saved.consultationDate ||
    v.findings !== saved.findings;
  if (outcomeChanged && v.consultationOutcome) {
    out.consultationOutcome = v.consultationOutcome;
    if (v.consultationDate) out.consultationDate = v.consultationDate;
    if (v.findings.trim()) out.findings = v.findings.trim();
  }
  if (v.treatmentStartDate && v.treatmentStartDate !== saved.treatmentStartDate)
    out.treatmentStartDate = v.treatmentStartDate;
  if (v.completedDate && v.completedDate !== saved.completedDate) out.completedDate = v.completedDate;
  return out;
}

/** A referral's milestones (consultation, treatment start, completion) and the letters they queued. */
export const ReferralMilestonesModel = createModel((referralId: string) => {
  const saved = signal<MilestoneValues | null>(null);
  const values = signal<MilestoneValues | null>(null);
  const letters = signal<Letter[]>([]);
  const errors = signal<FieldErrors>({});
  const saving = signal(false);
  const notice = signal<string | null>(null);

  const load = action(async () => {
    try {
      const [m, page] = await Promise.all([
        call(api.referrals[':id'].milestones.$get({ param: { id: referralId } })),
        call(api['referral-letters'].$get({ query: { referralId, limit: '50' } })),
      ]);
      saved.value = valuesOf(m);
      values.value = valuesOf(m);
      letters.value = page.items;
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
    }
  });

  const set = action((key: keyof MilestoneValues, value: string) => {
    if (values.value) values.value = { ...values.value, [key]: value };
  });

  const save = action(async () => {
    const before = saved.value;
    const v = values.value;
    if (!before || !v) return;
    const json = changes(before, v);
    errors.value = {};
    notice.value = null;
    if (!Object.keys(json).length) {
      notice.value = 'Nothing changed.';
      return;
    }
    saving.value = true;
    try {
      await call(api.referrals[':id'].milestones.$patch({ param: { id: referralId }, json }));
      notice.value = 'Saved; the letters it calls for are in the queue.';
      await load();
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
    } finally {
      saving.value = false;
    }
  });

  void load();
  return { values, letters, errors, saving, notice, set, save };
});
