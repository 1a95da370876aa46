import {
  CATEGORY_LABELS,
  FEATURE_INFO,
  FEATURES,
  type Feature,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from '../../../shared/facility-terms';
import { Field } from '../../ui/field';
import type { AddressFields } from './facility-labels';

// The facility inputs that "Add facility" and "Edit" both show, so both explain and check them alike.

export function FeatureChecks(props: {
  value: Record<Feature, boolean>;
  onChange: (v: Record<Feature, boolean>) => void;
}) {
  return (
    <>
      {FEATURES.map((f) => (
        <label class="check" key={f}>
          <input
            type="checkbox"
            checked={props.value[f]}
            onChange={(e) => props.onChange({ ...props.value, [f]: e.currentTarget.checked })}
          />
          <span>
            <strong>{FEATURE_INFO[f].label}</strong>{' '}
            <span class="muted small">{FEATURE_INFO[f].meaning}</span>
          </span>
        </label>
      ))}
    </>
  );
}

export function CycleDaySelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">No cycle day</option>
        {Array.from({ length: 28 }, (_, i) => (
          <option value={String(i + 1)} key={i}>
            Day {i + 1} of the month
          </option>
        ))}
      </select>
    </>
  );
}

export function AddressInputs(props: {
  idPrefix: string;
  value: AddressFields;
  onChange: (v: AddressFields) => void;
  errors: Record<string, string>;
  /** A note under a field, such as where its value was read. */
  hint?: (key: keyof AddressFields, value: string) => string | undefined;
}) {
  const { value, onChange, errors, idPrefix: p } = props;
  const field = (key: keyof AddressFields, label: string, autoComplete: string) => (
    <Field
      id={`${p}-${key}`}
      label={label}
      value={value[key]}
      onInput={(v) => onChange({ ...value, [key]: v })}
      error={errors[`address.${key}`]}
      hint={props.hint?.(key, value[key])}
      autoComplete={autoComplete}
      inputMode={key === 'postalCode' ? 'numeric' : undefined}
    />
  );
  return (
    <>
      {field('line1', 'Street address', 'address-line1')}
      {field('line2', 'Suite, unit (optional)', 'address-line2')}
      {field('city', 'City', 'address-level2')}
      <div class="two">
        {field('state', 'State', 'address-level1')}
        {field('postalCode', 'ZIP code', 'postal-code')}
      </div>
      {errors.address ? <p class="field-error">{errors.address}</p> : null}
    </>
  );
}

export function CategoryChecks(props: {
  value: ServiceCategory[];
  onChange: (v: ServiceCategory[]) => void;
}) {
  return (
    <>
      {SERVICE_CATEGORIES.map((c) => (
        <label class="check" key={c}>
          <input
            type="checkbox"
            checked={props.value.includes(c)}
            onChange={(e) =>
              props.onChange(
                e.currentTarget.checked ? [...props.value, c] : props.value.filter((x) => x !== c),
              )
            }
          />
          <span>{CATEGORY_LABELS[c]}</span>
        </label>
      ))}
    </>
  );
}
