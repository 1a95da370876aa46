import { useState } from 'preact/hooks';
import {
  CATEGORY_LABELS,
  FEATURE_INFO,
  FEATURES,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from '../../shared/facility-terms';
import type { Facility } from '../utils/facility-types';
import { MessageError } from '../utils/send-message';
import { apiCall } from '../utils/use-api';
import { Field } from './field';

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

  function changes() {
    const body: Record<string, unknown> = {};
    if (info.name.trim() !== facility.name) body.name = info.name;
    if (orNull(info.phone) !== facility.phone) body.phone = orNull(info.phone);
    if (orNull(info.email) !== facility.email) body.email = orNull(info.email);
    if (orNull(info.website) !== facility.website) body.website = orNull(info.website);
    const changedFeatures = Object.fromEntries(
      FEATURES.filter((f) => features[f] !== facility.features[f]).map((f) => [f, features[f]]),
    );
    if (Object.keys(changedFeatures).length) body.features = changedFeatures;
    const day = cycleDay ? Number(cycleDay) : null;
    if (day !== facility.cycleStartDay) body.cycleStartDay = day;
    if ([...categories].sort().join() !== [...facility.serviceCategories].sort().join())
      body.serviceCategories = categories;
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
      await apiCall('PATCH', `/api/v1/facilities/${facility.id}`, body);
      onSaved();
    } catch (err) {
      const out: Errors = {};
      if (err instanceof MessageError) {
        for (const d of err.failure.details ?? []) out[d.path] ??= d.issue;
        if (err.failure.code === 'conflict') out.name = err.failure.message;
        if (!Object.keys(out).length) out.form = err.failure.message;
      } else out.form = (err as Error).message;
      setErrors(out);
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
      <Field
        id="e-name"
        label="Facility name"
        value={info.name}
        onInput={(name) => setInfo({ ...info, name })}
        error={errors.name}
      />
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
      <h3>Features</h3>
      {FEATURES.map((f) => (
        <label class="check" key={f}>
          <input
            type="checkbox"
            checked={features[f]}
            onChange={(e) => setFeatures({ ...features, [f]: e.currentTarget.checked })}
          />
          <span>
            <strong>{FEATURE_INFO[f].label}</strong>{' '}
            <span class="muted small">{FEATURE_INFO[f].meaning}</span>
          </span>
        </label>
      ))}
      <label for="e-cycle">Cycle start day</label>
      <select id="e-cycle" value={cycleDay} onChange={(e) => setCycleDay(e.currentTarget.value)}>
        <option value="">No cycle day</option>
        {Array.from({ length: 28 }, (_, i) => (
          <option value={String(i + 1)} key={i}>
            Day {i + 1} of the month
          </option>
        ))}
      </select>
      <h3>Address</h3>
      <Field
        id="e-line1"
        label="Street address"
        value={address.line1}
        onInput={(line1) => setAddress({ ...address, line1 })}
        error={errors['address.line1']}
      />
      <Field
        id="e-line2"
        label="Suite, unit"
        value={address.line2}
        onInput={(line2) => setAddress({ ...address, line2 })}
        error={errors['address.line2']}
      />
      <Field
        id="e-city"
        label="City"
        value={address.city}
        onInput={(city) => setAddress({ ...address, city })}
        error={errors['address.city']}
      />
      <div class="two">
        <Field
          id="e-state"
          label="State"
          value={address.state}
          onInput={(state) => setAddress({ ...address, state })}
          error={errors['address.state']}
        />
        <Field
          id="e-zip"
          label="ZIP code"
          value={address.postalCode}
          onInput={(postalCode) => setAddress({ ...address, postalCode })}
          error={errors['address.postalCode']}
        />
      </div>
      <h3>Service categories</h3>
      {SERVICE_CATEGORIES.map((c) => (
        <label class="check" key={c}>
          <input
            type="checkbox"
            checked={categories.includes(c)}
            onChange={(e) =>
              setCategories(e.currentTarget.checked ? [...categories, c] : categories.filter((x) => x !== c))
            }
          />
          <span>{CATEGORY_LABELS[c]}</span>
        </label>
      ))}
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
