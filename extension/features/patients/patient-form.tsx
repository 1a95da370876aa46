import { useModel } from '@preact/signals';
import type { Patient } from '../../../shared/schemas/patients';
import { provenanceHint } from '../../page-reading/provenance';
import { Field, FieldError } from '../../ui/field';
import type { PagePrefill } from '../page-match/page-prefill';
import { PatientFormModel, type PatientFormValues } from './patient-form-model';

/**
 * Adds one patient (spec 000, step 3 option A), or edits one when `patient`
 * is given. A likely duplicate is shown with the choice to open the existing
 * patient or add anyway.
 */
export function PatientForm(props: {
  facilityId: string;
  patient?: Patient;
  onSaved: (p: Patient) => void;
  onOpen: (id: string) => void;
  onCancel: () => void;
  /** Values read from the page, each shown with where it came from. */
  prefill?: PagePrefill | null;
}) {
  const model = useModel(() => new PatientFormModel(props.facilityId, props.patient, props.prefill?.values));
  const v = model.values.value;
  const errors = model.errors.value;
  const duplicateOf = model.duplicateOf.value;
  const saving = model.saving.value;
  const set = (key: keyof PatientFormValues) => (value: string) => model.set(key, value);
  const from = (key: keyof PatientFormValues) => provenanceHint(props.prefill, key, v[key]);
  const save = (confirmDuplicate: boolean) =>
    model.save(confirmDuplicate).then((patient) => {
      if (patient) props.onSaved(patient);
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save(false);
      }}
      noValidate
      data-testid="patient-form"
    >
      <h3>{props.patient ? 'Edit patient' : 'Add patient'}</h3>
      {props.prefill ? (
        <p class="muted small" data-testid="prefill-note">
          Filled in from “{props.prefill.title}”. Check each field before saving.
        </p>
      ) : null}
      {errors.form ? <FieldError id="patient-form-error">{errors.form}</FieldError> : null}
      {duplicateOf ? (
        <div class="alert" role="alert" data-testid="duplicate-warning">
          <p>{duplicateOf.message}.</p>
          <div class="row-actions">
            <button type="button" class="secondary" onClick={() => props.onOpen(duplicateOf.id)}>
              Open existing
            </button>
            <button type="button" class="secondary" onClick={() => save(true)}>
              Add anyway
            </button>
          </div>
        </div>
      ) : null}
      <div class="two">
        <Field
          id="p-first"
          label="First name"
          value={v.firstName}
          onInput={set('firstName')}
          error={errors.firstName}
          hint={from('firstName')}
        />
        <Field
          id="p-last"
          label="Last name"
          value={v.lastName}
          onInput={set('lastName')}
          error={errors.lastName}
          hint={from('lastName')}
        />
      </div>
      <div class="field">
        <label for="p-dob">Date of birth</label>
        <input
          id="p-dob"
          type="date"
          value={v.dateOfBirth}
          onInput={(e) => set('dateOfBirth')(e.currentTarget.value)}
          aria-invalid={errors.dateOfBirth ? 'true' : undefined}
          aria-describedby={from('dateOfBirth') ? 'p-dob-hint' : undefined}
        />
        {from('dateOfBirth') ? (
          <p class="muted small" id="p-dob-hint">
            {from('dateOfBirth')}
          </p>
        ) : null}
        {errors.dateOfBirth ? <FieldError id="p-dob-error">{errors.dateOfBirth}</FieldError> : null}
      </div>
      <div class="two">
        <Field
          id="p-room"
          label="Room"
          value={v.roomNumber}
          onInput={set('roomNumber')}
          error={errors.roomNumber}
          hint={from('roomNumber')}
        />
        <Field
          id="p-mrn"
          label="MRN (optional)"
          value={v.mrn}
          onInput={set('mrn')}
          error={errors.mrn}
          hint={from('mrn')}
        />
      </div>
      <div class="two">
        <Field
          id="p-email"
          label="Email (optional)"
          type="email"
          autoComplete="off"
          value={v.email}
          onInput={set('email')}
          error={errors.email}
        />
        <Field
          id="p-phone"
          label="Phone (optional)"
          type="tel"
          autoComplete="off"
          value={v.phone}
          onInput={set('phone')}
          error={errors.phone}
        />
      </div>
      <div class="two">
        <Field
          id="p-payer"
          label="Payer (optional)"
          value={v.payer}
          onInput={set('payer')}
          error={errors.payer}
        />
        <Field
          id="p-physician"
          label="Attending physician (optional)"
          value={v.attendingPhysician}
          onInput={set('attendingPhysician')}
          error={errors.attendingPhysician}
        />
      </div>
      <Field
        id="p-contact"
        label="Emergency contact"
        value={v.contactName}
        onInput={set('contactName')}
        error={errors['emergencyContact.name']}
      />
      <div class="two">
        <Field
          id="p-relationship"
          label="Relationship"
          value={v.contactRelationship}
          onInput={set('contactRelationship')}
        />
        <Field
          id="p-contact-phone"
          label="Contact phone"
          type="tel"
          value={v.contactPhone}
          onInput={set('contactPhone')}
        />
      </div>
      <div class="row">
        <button type="button" class="secondary" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save patient'}
        </button>
      </div>
    </form>
  );
}
