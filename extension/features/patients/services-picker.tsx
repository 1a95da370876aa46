import { CATEGORY_LABELS, SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/facility-terms';
import type { Service } from '../../../shared/schemas/patients';

/** The same words as the API's refusal, so the panel and a 409 agree. */
export const NO_CATEGORIES_YET = "Choose this facility's service categories first";

/**
 * The services the facility offers (its categories' services) as checkboxes
 * by category, with "All healthcare services" on top: every service of those
 * categories, including ones added later.
 */
export function ServicesPicker(props: {
  catalogue: Service[];
  /** The facility's service categories; nothing can be chosen while there are none. */
  categories: readonly ServiceCategory[];
  chosen: string[];
  all: boolean;
  disabled?: boolean;
  onChange: (next: { chosen: string[]; all: boolean }) => void;
}) {
  const { catalogue, chosen, all, disabled } = props;
  const offered = SERVICE_CATEGORIES.filter((c) => props.categories.includes(c));
  if (offered.length === 0)
    return (
      <p class="alert" data-testid="no-service-categories">
        {NO_CATEGORIES_YET}: a facility offers only the services of its categories (Facilities → the facility
        → Edit).
      </p>
    );
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
          <span class="muted small">
            Every {offered.map((c) => CATEGORY_LABELS[c]).join(', ')} service, including ones added later,
            with expert support and AI features.
          </span>
        </span>
      </label>
      {offered.map((category) => (
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
