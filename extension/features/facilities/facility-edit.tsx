import { useState } from 'preact/hooks';
import { FEATURES, type ServiceCategory } from '../../../shared/facility-terms';
import type { Facility, FacilityUpdate } from '../../../shared/schemas/facilities';
import { api, call } from '../../api/client';
import { Field } from '../../ui/field';
import { fieldErrorsFrom } from '../../utils/field-errors';
import { AddressInputs, CategoryChecks, CycleDaySelect, FeatureChecks } from './facility-fields';

type Errors = Record<string, string>;

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/**
 * Edits a facility and sends only what changed. A new administrator email
 * withdraws the old invitation and invites the new address (the server does it).
 */
export function FacilityEdit({
  facility,
  canManage,
  onSaved,
  onCancel,
}: {
  facility: Facility;
  canManage: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [info, setInfo] = useState({
    name: facility.name,
    phone: facility.phone ?? '',
    email: facility.email ?? '',
    website: facility.website ?? '',
  });
  const [features, setFeatures] = useState(facility.features);
  const [cycleDay, setCycleDay] = useState(facility.cycleStartDay ? String(facility.cycleStartDay) : '');
  const [categories, setCategories] = useState<ServiceCategory[]>(facility.serviceCategories);
  const a = facility.address;
  const [address, setAddress] = useState({
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
  });
  const ad = facility.administrator;
  const [admin, setAdmin] = useState({
    name: ad?.name ?? '',
    email: ad?.email ?? '',
    phone: ad?.phone ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  /** Name aside, what only the organisation changes (a facility administrator sees none of it). */
  function organisationChanges(body: FacilityUpdate) {
    const changedFeatures = Object.fromEntries(
      FEATURES.filter((f) => features[f] !== facility.features[f]).map((f) => [f, features[f]]),
    );
    if (Object.keys(changedFeatures).length) body.features = changedFeatures;
    const day = cycleDay ? Number(cycleDay) : null;
    if (day !== facility.cycleStartDay) body.cycleStartDay = day;
    if ([...categories].sort().join() !== [...facility.serviceCategories].sort().join())
      body.serviceCategories = categories;
  }

  function changes() {
    const body: FacilityUpdate = {};
    if (canManage && info.name.trim() !== facility.name) body.name = info.name;
    if (orNull(info.phone) !== facility.phone) body.phone = orNull(info.phone);
    if (orNull(info.email) !== facility.email) body.email = orNull(info.email);
    if (orNull(info.website) !== facility.website) body.website = orNull(info.website);
    if (canManage) organisationChanges(body);
    if (
      address.line1 !== a.line1 ||
      orNull(address.line2) !== a.line2 ||
      address.city !== a.city ||
      address.state !== a.state ||
      address.postalCode !== a.postalCode
    ) {
      body.address = {
        line1: address.line1,
        line2: orNull(address.line2) ?? undefined,
        city: address.city,
        state: address.state,
        postalCode: address.postalCode,
      };
    }
    if (canManage) {
      if (!admin.email.trim() && ad) body.administrator = null;
      else if (
        admin.email.trim() &&
        (admin.email.trim().toLowerCase() !== ad?.email ||
          admin.name.trim() !== ad?.name ||
          orNull(admin.phone) !== ad?.phone)
      ) {
        body.administrator = {
          name: admin.name,
          email: admin.email,
          phone: orNull(admin.phone) ?? undefined,
        };
      }
    }
    return body;
  }

  async function save(e: Event) {
    e.preventDefault();
    const body = changes();
    if (!Object.keys(body).length) return onCancel();
    setSaving(true);
    setErrors({});
    try {
      await call(api.facilities[':id'].$patch({ param: { id: facility.id }, json: body }));
      onSaved();
    } catch (err) {
      setErrors(fieldErrorsFrom(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} noValidate data-testid="facility-edit">
      {errors.form ? (
        <p class="alert error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {canManage ? (
        <Field
          id="e-name"
          label="Facility name"
          value={info.name}
          onInput={(name) => setInfo({ ...info, name })}
          error={errors.name}
        />
      ) : (
        <p class="small muted" data-testid="organisation-settings-note">
          The name, features, service categories and cycle day are kept by the organisation.
        </p>
      )}
      <Field
        id="e-phone"
        label="Phone"
        type="tel"
        value={info.phone}
        onInput={(phone) => setInfo({ ...info, phone })}
        error={errors.phone}
      />
      <Field
        id="e-email"
        label="Email"
        type="email"
        value={info.email}
        onInput={(email) => setInfo({ ...info, email })}
        error={errors.email}
      />
      <Field
        id="e-website"
        label="Website"
        value={info.website}
        onInput={(website) => setInfo({ ...info, website })}
        error={errors.website}
      />
      {canManage ? (
        <>
          <h3>Administrator</h3>
          <Field
            id="e-admin-name"
            label="Administrator name"
            value={admin.name}
            onInput={(name) => setAdmin({ ...admin, name })}
            error={errors['administrator.name']}
          />
          <Field
            id="e-admin-email"
            label="Administrator email"
            type="email"
            value={admin.email}
            onInput={(email) => setAdmin({ ...admin, email })}
            error={errors['administrator.email']}
            hint="A new address gets a new invitation; the old link stops working."
          />
          <Field
            id="e-admin-phone"
            label="Administrator phone"
            type="tel"
            value={admin.phone}
            onInput={(phone) => setAdmin({ ...admin, phone })}
            error={errors['administrator.phone']}
          />
        </>
      ) : null}
      {canManage ? (
        <>
          <h3>Features</h3>
          <FeatureChecks value={features} onChange={setFeatures} />
          <CycleDaySelect id="e-cycle" label="Cycle start day" value={cycleDay} onChange={setCycleDay} />
        </>
      ) : null}
      <h3>Address</h3>
      <AddressInputs idPrefix="e" value={address} onChange={setAddress} errors={errors} />
      {canManage ? (
        <>
          <h3>Service categories</h3>
          <CategoryChecks value={categories} onChange={setCategories} />
        </>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
