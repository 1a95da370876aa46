import { useModel } from '@preact/signals';
import { PROVIDER_SPECIALTIES, type ReferringProvider } from '../../../shared/schemas/referrals';
import { Field, FieldError } from '../../ui/field';
import { ProviderFormModel, type ProviderValues } from './provider-form-model';
import { LETTER_LABELS, SPECIALTY_LABELS } from './referral-labels';

/** Adds a referring provider and their practice (the address is verified when saved). */
export function ProviderForm(props: {
  initial?: Partial<ProviderValues>;
  /** Where a captured provider came from, shown for the person to check. */
  origin?: string;
  onSaved: (provider: ReferringProvider) => void;
  onOpen: (id: string) => void;
  onCancel: () => void;
}) {
  const model = useModel(() => new ProviderFormModel(props.initial ?? {}));
  const v = model.values.value;
  const errors = model.errors.value;
  const candidates = model.candidates.value;
  const set = (key: keyof ProviderValues) => (value: string) => model.set(key, value);

  async function save(allowDuplicate: boolean) {
    const saved = await model.save(allowDuplicate);
    if (saved) props.onSaved(saved);
  }

  return (
    <form
      noValidate
      data-testid="provider-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <h3>{props.origin ? 'Captured referring provider' : 'Add referring provider'}</h3>
      {props.origin ? (
        <p class="muted small" data-testid="provider-capture-origin">
          {props.origin}
        </p>
      ) : null}
      {errors.form ? <FieldError id="provider-form-error">{errors.form}</FieldError> : null}
      {candidates.length ? (
        <div class="alert" role="status" data-testid="provider-candidates">
          <ul class="plain">
            {candidates.map((c) => (
              <li key={c.id}>
                <button type="button" class="link" onClick={() => props.onOpen(c.id)}>
                  {c.issue}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => save(true)}>
            Save as a different provider
          </button>
        </div>
      ) : null}
      <div class="two">
        <Field
          id="rp-first"
          label="First name"
          value={v.firstName}
          onInput={set('firstName')}
          error={errors.firstName}
        />
        <Field
          id="rp-last"
          label="Last name"
          value={v.lastName}
          onInput={set('lastName')}
          error={errors.lastName}
        />
      </div>
      <div class="two">
        <Field
          id="rp-cred"
          label="Credentials"
          hint="DDS, DMD…"
          value={v.credentials}
          onInput={set('credentials')}
          error={errors.credentials}
        />
        <Field
          id="rp-npi"
          label="NPI (optional)"
          inputMode="numeric"
          value={v.npi}
          onInput={set('npi')}
          error={errors.npi}
        />
      </div>
      <Field
        id="rp-email"
        label="Email"
        type="email"
        value={v.email}
        onInput={set('email')}
        error={errors.email}
      />
      <div class="two">
        <div class="field">
          <label for="rp-specialty">Specialty</label>
          <select
            id="rp-specialty"
            value={v.specialty}
            onChange={(e) => set('specialty')(e.currentTarget.value)}
          >
            {PROVIDER_SPECIALTIES.map((s) => (
              <option key={s} value={s}>
                {SPECIALTY_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rp-letters">Letters by</label>
          <select
            id="rp-letters"
            value={v.letterPreference}
            onChange={(e) => set('letterPreference')(e.currentTarget.value)}
            aria-describedby={errors.letterPreference ? 'rp-letters-error' : undefined}
          >
            {(['email', 'fax', 'mail'] as const).map((p) => (
              <option key={p} value={p}>
                {LETTER_LABELS[p]}
              </option>
            ))}
          </select>
          {errors.letterPreference ? (
            <FieldError id="rp-letters-error">{errors.letterPreference}</FieldError>
          ) : null}
        </div>
      </div>
      <h4>Practice</h4>
      <Field
        id="rp-practice"
        label="Practice name"
        value={v.practiceName}
        onInput={set('practiceName')}
        error={errors['practice.name']}
      />
      <Field
        id="rp-line1"
        label="Street address"
        value={v.line1}
        onInput={set('line1')}
        error={errors['practice.address.line1'] ?? errors['address.line1']}
      />
      <div class="two">
        <Field
          id="rp-city"
          label="City"
          value={v.city}
          onInput={set('city')}
          error={errors['practice.address.city'] ?? errors['address.city']}
        />
        <Field
          id="rp-state"
          label="State"
          value={v.state}
          onInput={set('state')}
          error={errors['practice.address.state'] ?? errors['address.state']}
        />
      </div>
      <Field
        id="rp-zip"
        label="ZIP code"
        inputMode="numeric"
        value={v.postalCode}
        onInput={set('postalCode')}
        error={errors['practice.address.postalCode'] ?? errors['address.postalCode']}
      />
      <div class="two">
        <Field
          id="rp-phone"
          label="Phone"
          type="tel"
          value={v.phone}
          onInput={set('phone')}
          error={errors['practice.phone']}
        />
        <Field
          id="rp-fax"
          label="Fax"
          type="tel"
          value={v.fax}
          onInput={set('fax')}
          error={errors['practice.fax']}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={model.saving.value}>
          Save provider
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
