import { useModel } from '@preact/signals';
import type { Facility } from '../../../shared/schemas/facilities';
import { UploadProgress } from '../../ui/upload-progress';
import type { PagePrefill } from '../page-match/page-prefill';
import { FacilityWizardModel, STEPS } from './facility-wizard-model';
import { FacilityWizardStep } from './facility-wizard-step';

/** "Add facility": the steps, the current step's fields and the way back or on. */
export function FacilityWizard({
  onDone,
  onCancel,
  prefill,
}: {
  onDone: (f: Facility) => void;
  onCancel: () => void;
  /** Values read from the facility's page, each shown with where it came from. */
  prefill?: PagePrefill | null;
}) {
  const model = useModel(() => new FacilityWizardModel(prefill));
  const step = model.step.value;
  const errors = model.errors.value;
  const pending = model.pending.value;
  const progress = model.progress.value;
  const created = model.created.value;
  const last = step === STEPS.length - 1;
  const submitLabel = pending
    ? last
      ? 'Saving…'
      : 'Checking…'
    : created
      ? 'Upload and finish'
      : last
        ? 'Create facility'
        : 'Next';

  return (
    <section class="area wizard" aria-labelledby="wizard-title">
      <h2 id="wizard-title">Add facility</h2>
      <ol class="steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} class={i < step ? 'done' : undefined}>
            {s}
          </li>
        ))}
      </ol>
      {prefill ? (
        <p class="muted small" data-testid="prefill-note">
          Filled in from “{prefill.title}”. Check each field before saving.
        </p>
      ) : null}
      {errors.form ? (
        <p class="alert error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (last) model.save(onDone);
          else model.next();
        }}
        noValidate
      >
        <h3>{STEPS[step]}</h3>
        <FacilityWizardStep model={model} />
        <UploadProgress line={progress} onStop={model.stopUpload} />
        <div class="row">
          {created ? (
            // Saved already: going back would edit nothing. The facility page says the agreement is missing.
            <button type="button" class="secondary" onClick={() => onDone(created)} disabled={pending}>
              Finish without it
            </button>
          ) : step > 0 ? (
            <button type="button" class="secondary" onClick={model.back} disabled={pending}>
              Back
            </button>
          ) : (
            <button type="button" class="secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" class="primary" disabled={pending}>
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
