import { useState } from 'preact/hooks';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_STATUSES,
  type ContractStatus,
} from '../../../shared/contract-status';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type Feature,
  type ServiceCategory,
} from '../../../shared/facility-terms';
import type { Facility } from '../../../shared/schemas/facilities';
import { api, call } from '../../api/client';
import { DocumentPicker, type PickedFile } from '../../ui/document-picker';
import { Field } from '../../ui/field';
import { fieldErrorsFrom } from '../../utils/field-errors';
import { uploadFile } from '../../utils/upload-file';
import { AddressInputs, CategoryChecks, CycleDaySelect, FeatureChecks } from './facility-fields';
import type { AddressFields } from './facility-labels';

const STEPS = [
  'Information',
  'Administrator',
  'Features',
  'Cycle day',
  'Address',
  'Contract',
  'Categories',
  'Documents',
] as const;

type Errors = Record<string, string>;
type VerifiedAddress = Facility['address'];

/** Which step a server error path belongs to, so the person lands where the problem is. */
function stepOf(path: string): number {
  if (path.startsWith('administrator')) return 1;
  if (path.startsWith('features')) return 2;
  if (path.startsWith('cycleStartDay')) return 3;
  if (path.startsWith('address')) return 4;
  if (path.startsWith('contractStatus')) return 5;
  if (path.startsWith('serviceCategories')) return 6;
  return 0;
}

/**
 * "Add facility" in the order of spec 000, step 1. Each step checks what it
 * can; the address is verified by the server before the last steps; saving
 * sends everything at once and returns to the step of any error.
 */
export function FacilityWizard({
  onDone,
  onCancel,
}: {
  onDone: (f: Facility) => void;
  onCancel: () => void;
}) {
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [info, setInfo] = useState({ name: '', phone: '', email: '', website: '' });
  const [admin, setAdmin] = useState({ name: '', email: '', phone: '' });
  const [features, setFeatures] = useState<Record<Feature, boolean>>({
    ordering: false,
    emar: false,
    bubblePack: false,
    notes: false,
    tasks: false,
  });
  const [cycleDay, setCycleDay] = useState('');
  const [address, setAddress] = useState<AddressFields>({
    line1: '',
    line2: '',
    city: '',
    state: '',
    postalCode: '',
  });
  const [verified, setVerified] = useState<VerifiedAddress | null>(null);
  const [contract, setContract] = useState<ContractStatus>('not_contracted');
  const [categories, setCategories] = useState<ServiceCategory[]>([]);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<string | null>(null);

  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  function localCheck(at: number): Errors {
    const e: Errors = {};
    if (at === 0 && !info.name.trim()) e.name = 'Enter the facility name';
    if (at === 1 && (admin.name.trim() || admin.email.trim())) {
      if (!admin.name.trim()) e['administrator.name'] = "Enter the administrator's name";
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(admin.email.trim()))
        e['administrator.email'] = 'Enter a valid email address';
    }
    if (at === 4) {
      if (!address.line1.trim()) e['address.line1'] = 'Enter the street address';
      if (!address.city.trim()) e['address.city'] = 'Enter the city';
      if (!address.state.trim()) e['address.state'] = 'Enter the state';
      if (!address.postalCode.trim()) e['address.postalCode'] = 'Enter the ZIP code';
    }
    return e;
  }

  async function next() {
    const local = localCheck(step);
    setErrors(local);
    if (Object.keys(local).length) return;
    if (step === 4) {
      setPending(true);
      try {
        setVerified(await call(api.facilities['verify-address'].$post({ json: addressBody() })));
      } catch (e) {
        setVerified(null);
        setErrors(fieldErrorsFrom(e));
        return;
      } finally {
        setPending(false);
      }
    }
    setStep(step + 1);
  }

  function addressBody() {
    return {
      line1: address.line1,
      line2: optional(address.line2),
      city: address.city,
      state: address.state,
      postalCode: address.postalCode,
    };
  }

  async function save() {
    setPending(true);
    setErrors({});
    let facility: Facility;
    try {
      facility = await call(
        api.facilities.$post({
          json: {
            name: info.name,
            phone: optional(info.phone),
            email: optional(info.email),
            website: optional(info.website),
            administrator: admin.email.trim()
              ? { name: admin.name, email: admin.email, phone: optional(admin.phone) }
              : undefined,
            features,
            cycleStartDay: cycleDay ? Number(cycleDay) : null,
            address: addressBody(),
            contractStatus: contract,
            serviceCategories: categories,
          },
        }),
      );
    } catch (e) {
      const found = fieldErrorsFrom(e);
      setErrors(found);
      const first = Object.keys(found).find((k) => k !== 'form');
      if (first) setStep(stepOf(first));
      setPending(false);
      return;
    }
    // The facility exists now; documents follow one by one, each with its own progress.
    for (const [i, picked] of files.entries()) {
      try {
        await uploadFile(
          `/api/v1/facilities/${facility.id}/documents`,
          picked.file,
          { kind: picked.kind },
          (p) =>
            setProgress(
              `${picked.file.name} (${i + 1} of ${files.length}): ${p.phase === 'reading' ? `reading ${Math.round(p.fraction * 100)}%` : p.phase === 'sending' ? 'uploading…' : 'done'}`,
            ),
        );
      } catch (e) {
        setErrors({
          form: `The facility was saved, but ${picked.file.name} was not: ${(e as Error).message}. Add it from the facility page.`,
        });
        setPending(false);
        setProgress(null);
        onDone(facility);
        return;
      }
    }
    setPending(false);
    onDone(facility);
  }

  const last = step === STEPS.length - 1;

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
      {errors.form ? (
        <p class="alert error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (last) save();
          else next();
        }}
        noValidate
      >
        <h3>{STEPS[step]}</h3>
        {step === 0 ? (
          <>
            <Field
              id="f-name"
              label="Facility name"
              value={info.name}
              onInput={(name) => setInfo({ ...info, name })}
              error={errors.name}
            />
            <Field
              id="f-phone"
              label="Phone (optional)"
              type="tel"
              value={info.phone}
              onInput={(phone) => setInfo({ ...info, phone })}
              error={errors.phone}
            />
            <Field
              id="f-email"
              label="Email (optional)"
              type="email"
              value={info.email}
              onInput={(email) => setInfo({ ...info, email })}
              error={errors.email}
            />
            <Field
              id="f-website"
              label="Website (optional)"
              value={info.website}
              onInput={(website) => setInfo({ ...info, website })}
              error={errors.website}
            />
          </>
        ) : step === 1 ? (
          <>
            <p class="muted small">
              The administrator gets an invitation by email and sees only this facility. Leave empty to add
              one later.
            </p>
            <Field
              id="a-name"
              label="Administrator name"
              value={admin.name}
              onInput={(name) => setAdmin({ ...admin, name })}
              error={errors['administrator.name']}
            />
            <Field
              id="a-email"
              label="Administrator email"
              type="email"
              value={admin.email}
              onInput={(email) => setAdmin({ ...admin, email })}
              error={errors['administrator.email']}
            />
            <Field
              id="a-phone"
              label="Administrator phone (optional)"
              type="tel"
              value={admin.phone}
              onInput={(phone) => setAdmin({ ...admin, phone })}
              error={errors['administrator.phone']}
            />
          </>
        ) : step === 2 ? (
          <fieldset>
            <legend class="sr-only">Service features</legend>
            <FeatureChecks value={features} onChange={setFeatures} />
          </fieldset>
        ) : step === 3 ? (
          <>
            <CycleDaySelect
              id="f-cycle"
              label="Cycle start day (optional)"
              value={cycleDay}
              onChange={setCycleDay}
            />
            <p class="muted small">
              The day the pharmacy's medication cycle starts; it plans cycle deliveries.
            </p>
            {errors.cycleStartDay ? <p class="field-error">{errors.cycleStartDay}</p> : null}
          </>
        ) : step === 4 ? (
          <>
            <AddressInputs idPrefix="ad" value={address} onChange={setAddress} errors={errors} />
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
            {CONTRACT_STATUSES.map((s) => (
              <label class="check" key={s}>
                <input
                  type="radio"
                  name="contract"
                  checked={contract === s}
                  onChange={() => setContract(s)}
                />
                <span>{CONTRACT_STATUS_LABELS[s]}</span>
              </label>
            ))}
          </fieldset>
        ) : step === 6 ? (
          <fieldset>
            <legend class="sr-only">Service categories</legend>
            <p class="muted small">Which services this facility takes, for demand planning.</p>
            <CategoryChecks value={categories} onChange={setCategories} />
          </fieldset>
        ) : (
          <DocumentPicker
            files={files}
            onChange={setFiles}
            kinds={DOCUMENT_KINDS as readonly DocumentKind[]}
            kindLabels={DOCUMENT_KIND_LABELS}
          />
        )}
        {progress ? (
          <p class="muted small" role="status" data-testid="upload-progress">
            {progress}
          </p>
        ) : null}
        <div class="row">
          {step > 0 ? (
            <button type="button" class="secondary" onClick={() => setStep(step - 1)} disabled={pending}>
              Back
            </button>
          ) : (
            <button type="button" class="secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" class="primary" disabled={pending}>
            {pending ? (last ? 'Saving…' : 'Checking…') : last ? 'Create facility' : 'Next'}
          </button>
        </div>
      </form>
    </section>
  );
}
