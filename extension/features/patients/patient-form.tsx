import { useState } from 'preact/hooks';
import { Field, FieldError } from '../../ui/field';
import { fieldErrorsFrom } from '../../utils/field-errors';
import type { Patient } from '../../utils/patient-types';
import { MessageError } from '../../utils/send-message';
import { apiCall } from '../../utils/use-api';

const EMPTY = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  roomNumber: '',
  contactName: '',
  contactRelationship: '',
  contactPhone: '',
  mrn: '',
  notes: '',
};
const opt = (v: string) => (v.trim() ? v.trim() : undefined);

const fromPatient = (p: Patient) => ({
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  roomNumber: p.roomNumber ?? '',
  contactName: p.emergencyContact?.name ?? '',
  contactRelationship: p.emergencyContact?.relationship ?? '',
  contactPhone: p.emergencyContact?.phone ?? '',
  mrn: p.mrn ?? '',
  notes: p.notes ?? '',
});

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
}) {
  const [v, setV] = useState(props.patient ? fromPatient(props.patient) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicateOf, setDuplicateOf] = useState<{ id: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof EMPTY) => (value: string) => setV({ ...v, [key]: value });

  async function save(confirmDuplicate: boolean) {
    setSaving(true);
    setErrors({});
    try {
      const fields = {
        firstName: v.firstName,
        lastName: v.lastName,
        dateOfBirth: v.dateOfBirth,
        roomNumber: opt(v.roomNumber),
        mrn: opt(v.mrn),
        notes: opt(v.notes),
      };
      const contact = v.contactName.trim()
        ? { name: v.contactName, relationship: opt(v.contactRelationship), phone: opt(v.contactPhone) }
        : undefined;
      const patient = props.patient
        ? await apiCall<Patient>('PATCH', `/api/v1/patients/${props.patient.id}`, {
            ...fields,
            roomNumber: v.roomNumber.trim(),
            mrn: v.mrn.trim(),
            notes: v.notes.trim(),
            emergencyContact: contact ?? null,
          })
        : await apiCall<Patient>('POST', '/api/v1/patients', {
            facilityId: props.facilityId,
            ...fields,
            emergencyContact: contact,
            ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
          });
      props.onSaved(patient);
    } catch (e) {
      if (e instanceof MessageError && e.failure.code === 'conflict') {
        const id = e.failure.details?.find((d) => d.path === 'existingPatientId')?.issue;
        if (id) {
          setDuplicateOf({ id, message: e.failure.message });
          return;
        }
      }
      setErrors(fieldErrorsFrom(e));
    } finally {
      setSaving(false);
    }
  }

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
        />
        <Field
          id="p-last"
          label="Last name"
          value={v.lastName}
          onInput={set('lastName')}
          error={errors.lastName}
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
        />
        {errors.dateOfBirth ? <FieldError id="p-dob-error">{errors.dateOfBirth}</FieldError> : null}
      </div>
      <div class="two">
        <Field
          id="p-room"
          label="Room"
          value={v.roomNumber}
          onInput={set('roomNumber')}
          error={errors.roomNumber}
        />
        <Field id="p-mrn" label="MRN (optional)" value={v.mrn} onInput={set('mrn')} error={errors.mrn} />
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
