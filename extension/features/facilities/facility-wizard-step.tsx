import { CONTRACT_STATUS_LABELS, INITIAL_CONTRACT_STATUSES } from '../../../shared/contract-status';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../../../shared/facility-terms';
import { provenanceHint } from '../../page-reading/provenance';
import { DocumentPicker } from '../../ui/document-picker';
import { Field } from '../../ui/field';
import { AddressInputs, CategoryChecks, CycleDaySelect, FeatureChecks } from './facility-fields';
import type { FacilityWizardState } from './facility-wizard-model';

/** The fields of the wizard's current step. */
export function FacilityWizardStep({ model: m }: { model: FacilityWizardState }) {
  const step = m.step.value;
  const errors = m.errors.value;
  const i = m.info.value;
  const ad = m.admin.value;
  const verified = m.verified.value;
  const from = (key: string, value: string) => provenanceHint(m.prefill.value, key, value);
  return (
    <>
      {step === 0 ? (
        <>
          <Field
            id="f-name"
            label="Facility name"
            value={i.name}
            onInput={(name) => (m.info.value = { ...i, name })}
            error={errors.name}
            hint={from('name', i.name)}
          />
          <Field
            id="f-phone"
            label="Phone (optional)"
            type="tel"
            value={i.phone}
            onInput={(phone) => (m.info.value = { ...i, phone })}
            error={errors.phone}
            hint={from('phone', i.phone)}
          />
          <Field
            id="f-email"
            label="Email (optional)"
            type="email"
            value={i.email}
            onInput={(email) => (m.info.value = { ...i, email })}
            error={errors.email}
            hint={from('email', i.email)}
          />
          <Field
            id="f-website"
            label="Website (optional)"
            value={i.website}
            onInput={(website) => (m.info.value = { ...i, website })}
            error={errors.website}
            hint={from('website', i.website)}
          />
        </>
      ) : step === 1 ? (
        <>
          <p class="muted small">
            The administrator gets an invitation by email and sees only this facility. Leave empty to add one
            later.
          </p>
          <Field
            id="a-name"
            label="Administrator name"
            value={ad.name}
            onInput={(name) => (m.admin.value = { ...ad, name })}
            error={errors['administrator.name']}
            hint={from('administratorName', ad.name)}
          />
          <Field
            id="a-email"
            label="Administrator email"
            type="email"
            value={ad.email}
            onInput={(email) => (m.admin.value = { ...ad, email })}
            error={errors['administrator.email']}
          />
          <Field
            id="a-phone"
            label="Administrator phone (optional)"
            type="tel"
            value={ad.phone}
            onInput={(phone) => (m.admin.value = { ...ad, phone })}
            error={errors['administrator.phone']}
          />
        </>
      ) : step === 2 ? (
        <fieldset>
          <legend class="sr-only">Service features</legend>
          <FeatureChecks value={m.features.value} onChange={(v) => (m.features.value = v)} />
        </fieldset>
      ) : step === 3 ? (
        <>
          <CycleDaySelect
            id="f-cycle"
            label="Cycle start day (optional)"
            value={m.cycleDay.value}
            onChange={(v) => (m.cycleDay.value = v)}
          />
          <p class="muted small">
            The day the pharmacy's medication cycle starts; it plans cycle deliveries.
          </p>
          {errors.cycleStartDay ? <p class="field-error">{errors.cycleStartDay}</p> : null}
        </>
      ) : step === 4 ? (
        <>
          <AddressInputs
            idPrefix="ad"
            value={m.address.value}
            onChange={(v) => (m.address.value = v)}
            errors={errors}
            hint={from}
          />
          <p class="muted small">The address is verified when you continue.</p>
        </>
      ) : step === 5 ? (
        <fieldset>
          <legend class="sr-only">Contract status</legend>
          {verified ? (
            <p class="alert" data-testid="verified-address">
              Verified address: {verified.line1}
              {verified.line2 ? `, ${verified.line2}` : ''}, {verified.city}, {verified.state}{' '}
              {verified.postalCode}
            </p>
          ) : null}
          {INITIAL_CONTRACT_STATUSES.map((s) => (
            <label class="check" key={s}>
              <input
                type="radio"
                name="contract"
                checked={m.contract.value === s}
                onChange={() => (m.contract.value = s)}
              />
              <span>{CONTRACT_STATUS_LABELS[s]}</span>
            </label>
          ))}
        </fieldset>
      ) : step === 6 ? (
        <fieldset>
          <legend class="sr-only">Service categories</legend>
          <p class="muted small">
            Which services this facility takes, for demand planning. Patients can be given only the services
            of these categories (none until one is chosen).
          </p>
          <CategoryChecks value={m.categories.value} onChange={(v) => (m.categories.value = v)} />
        </fieldset>
      ) : (
        <>
          <p class="muted small">
            The facility agreement is the legal document onboarding needs; add contract material too if you
            have it.
          </p>
          <DocumentPicker
            files={m.files.value}
            onChange={(v) => (m.files.value = v)}
            kinds={DOCUMENT_KINDS as readonly DocumentKind[]}
            kindLabels={DOCUMENT_KIND_LABELS}
          />
        </>
      )}
    </>
  );
}
