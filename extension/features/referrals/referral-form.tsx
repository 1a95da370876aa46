import { REFERRAL_CHANNELS } from '../../../shared/schemas/referrals';
import { Field, FieldError } from '../../ui/field';
import type { FieldErrors } from '../../utils/field-errors';
import type { ReferralValues } from './provider-detail-model';
import { CHANNEL_LABELS } from './referral-labels';

/**
 * An incoming referral with its new lead (the patient's name and a way to
 * reach them), or an outgoing referral to this specialist.
 */
export function ReferralForm(props: {
  direction: 'incoming' | 'outgoing';
  values: ReferralValues;
  errors: FieldErrors;
  saving: boolean;
  set: (key: keyof ReferralValues, value: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { values: v, errors } = props;
  const set = (key: keyof ReferralValues) => (value: string) => props.set(key, value);
  const incoming = props.direction === 'incoming';
  return (
    <form
      noValidate
      data-testid="referral-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <h4>{incoming ? 'Referral received: create lead' : 'Refer a patient to this provider'}</h4>
      {errors.form ? <FieldError id="referral-form-error">{errors.form}</FieldError> : null}
      <div class="two">
        <div class="field">
          <label for="rf-date">Referral date</label>
          <input
            id="rf-date"
            type="date"
            value={v.referralDate}
            onInput={(e) => set('referralDate')(e.currentTarget.value)}
          />
          {errors.referralDate ? <FieldError id="rf-date-error">{errors.referralDate}</FieldError> : null}
        </div>
        <div class="field">
          <label for="rf-channel">{incoming ? 'Arrived by' : 'Sent by'}</label>
          <select id="rf-channel" value={v.channel} onChange={(e) => set('channel')(e.currentTarget.value)}>
            {REFERRAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="rf-reason">{incoming ? 'Reason, as the referrer wrote it' : 'Reason'}</label>
        <textarea
          id="rf-reason"
          rows={3}
          value={v.reason}
          onInput={(e) => set('reason')(e.currentTarget.value)}
        />
      </div>
      {incoming ? (
        <>
          <div class="two">
            <Field
              id="rf-first"
              label="Patient first name"
              value={v.firstName}
              onInput={set('firstName')}
              error={errors['lead.firstName']}
            />
            <Field
              id="rf-last"
              label="Patient last name"
              value={v.lastName}
              onInput={set('lastName')}
              error={errors['lead.lastName']}
            />
          </div>
          <div class="two">
            <Field
              id="rf-phone"
              label="Phone"
              type="tel"
              value={v.phone}
              onInput={set('phone')}
              error={errors['lead.phone']}
            />
            <Field
              id="rf-email"
              label="Email"
              type="email"
              value={v.email}
              onInput={set('email')}
              error={errors['lead.email']}
            />
          </div>
        </>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={props.saving}>
          {incoming ? 'Create lead from referral' : 'Save referral'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
