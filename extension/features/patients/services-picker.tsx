import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../../../shared/facility-terms';
import type { Service } from '../../../shared/schemas/patients';

/** The catalogue as checkboxes by category, with "All healthcare services" on top. */
export function ServicesPicker(props: {
  catalogue: Service[];
  chosen: string[];
  all: boolean;
  disabled?: boolean;
  onChange: (next: { chosen: string[]; all: boolean }) => void;
}) {
  const { catalogue, chosen, all, disabled } = props;
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={all}
          disabled={disabled}
          onChange={(e) => props.onChange({ chosen, all: e.currentTarget.checked })}
        />
        <span>
          <strong>All healthcare services</strong>{' '}
          <span class="muted small">Every service, with expert support and AI features.</span>
        </span>
      </label>
      {SERVICE_CATEGORIES.map((category) => (
        <fieldset key={category} disabled={all || disabled}>
          <legend class="small">
            <strong>{CATEGORY_LABELS[category]}</strong>
          </legend>
          {catalogue
            .filter((s) => s.category === category)
            .map((s) => (
              <label class="check" key={s.id}>
                <input
                  type="checkbox"
                  checked={all || chosen.includes(s.id)}
                  onChange={(e) =>
                    props.onChange({
                      all,
                      chosen: e.currentTarget.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id),
                    })
                  }
                />
                <span>{s.name}</span>
              </label>
            ))}
        </fieldset>
      ))}
    </>
  );
}
