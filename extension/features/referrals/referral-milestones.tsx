import { useModel } from '@preact/signals';
import { CONSULTATION_OUTCOME_LABELS, CONSULTATION_OUTCOMES } from '../../../shared/referral-letters';
import { FieldError } from '../../ui/field';
import { LetterRow } from './letter-rows';
import { type MilestoneValues, ReferralMilestonesModel } from './referral-milestones-model';

function DateInput(props: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  error?: string | undefined;
  onInput: (v: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="date"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error ? <FieldError id={`${props.id}-error`}>{props.error}</FieldError> : null}
    </div>
  );
}

/** Consultation outcome, treatment start and completion of an incoming referral, and its letters. */
export function ReferralMilestones(props: {
  referralId: string;
  canEdit: boolean;
  onOpenLetter: (id: string) => void;
}) {
  const model = useModel(() => new ReferralMilestonesModel(props.referralId));
  const v = model.values.value;
  const errors = model.errors.value;
  const id = (name: string) => `${name}-${props.referralId}`;
  if (!v) return errors.form ? <p class="alert error">{errors.form}</p> : <p class="muted small">Loading…</p>;
  const set = (key: keyof MilestoneValues) => (value: string) => model.set(key, value);
  const off = !props.canEdit;
  return (
    <div class="section-editor" data-testid="referral-milestones">
      <DateInput
        id={id('consult-date')}
        label="Consultation date"
        value={v.consultationDate}
        disabled={off}
        error={errors.consultationDate}
        onInput={set('consultationDate')}
      />
      <div class="field">
        <label for={id('outcome')}>Consultation outcome</label>
        <select
          id={id('outcome')}
          value={v.consultationOutcome}
          disabled={off}
          onChange={(e) => model.set('consultationOutcome', e.currentTarget.value)}
        >
          <option value="">Not recorded</option>
          {CONSULTATION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {CONSULTATION_OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('findings')}>Findings and recommendation (for the letter)</label>
        <textarea
          id={id('findings')}
          rows={3}
          value={v.findings}
          disabled={off}
          onInput={(e) => model.set('findings', e.currentTarget.value)}
        />
      </div>
      <DateInput
        id={id('start')}
        label="Treatment started"
        value={v.treatmentStartDate}
        disabled={off}
        error={errors.treatmentStartDate}
        onInput={set('treatmentStartDate')}
      />
      <DateInput
        id={id('done')}
        label="Treatment completed"
        value={v.completedDate}
        disabled={off}
        error={errors.completedDate}
        onInput={set('completedDate')}
      />
      {errors.form ? <FieldError id={id('form-error')}>{errors.form}</FieldError> : null}
      {model.notice.value ? (
        <p class="alert" role="status">
          {model.notice.value}
        </p>
      ) : null}
      {props.canEdit ? (
        <button type="button" class="secondary" disabled={model.saving.value} onClick={() => model.save()}>
          Save milestones
        </button>
      ) : null}
      <p>
        <strong>Letters</strong>
      </p>
      {model.letters.value.length === 0 ? <p class="empty">No letters for this referral.</p> : null}
      <ul class="list" aria-label="Letters for this referral">
        {model.letters.value.map((l) => (
          <LetterRow key={l.id} letter={l} onOpen={props.onOpenLetter} />
        ))}
      </ul>
    </div>
  );
}
