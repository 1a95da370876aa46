/** @jsxImportSource hono/jsx */
/**
 * One intake field as HTML that works without JavaScript: a label tied to its
 * input (or a fieldset and legend for a group), help, the "filled in from our
 * records" note, and the error, each named in `aria-describedby`, with
 * `aria-invalid` on the inputs. The page's script reuses this markup (see
 * client/field-errors.ts).
 */
import { DEFAULT_MAX_LENGTH } from '../../../shared/intake/answer-checks';
import type { Condition, Field, PrefillKey, Section } from '../../../shared/intake/definition';
import { type FieldViewProps, invalid, notes, Required, textOf, wrapperClass } from './field-parts';
import { FileInput } from './file-field';
import { inputId, wrapperId } from './page-contract';
import { Signature } from './signature-field';

export type { FieldViewProps } from './field-parts';

const AUTOCOMPLETE: Record<PrefillKey, string> = {
  firstName: 'given-name',
  lastName: 'family-name',
  dateOfBirth: 'bday',
  email: 'email',
  phone: 'tel',
};

function yesNoOf(value: unknown): 'yes' | 'no' | '' {
  if (value === true || (typeof value === 'string' && ['yes', 'true', 'on'].includes(value.toLowerCase())))
    return 'yes';
  if (value === false || (typeof value === 'string' && ['no', 'false'].includes(value.toLowerCase())))
    return 'no';
  return '';
}

function optionText(field: Field | undefined, value: unknown): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return field?.options?.find((o) => o.value === value)?.label ?? String(value);
}

/** "Answer this only if you answered “Yes” to “Do you take any medicines?”", for the page without JavaScript. */
export function conditionHint(conditions: Condition[], section: Section): string | undefined {
  const parts: string[] = [];
  for (const condition of conditions) {
    const other = section.fields.find((f) => f.id === condition.field);
    if (!other) continue;
    const label = `“${other.label.replace(/[?:]+$/, '')}”`;
    const value = condition.value;
    switch (condition.op) {
      case 'equals':
        parts.push(`you answered “${optionText(other, value)}” to ${label}`);
        break;
      case 'one_of': {
        const list = (Array.isArray(value) ? value : [value]).map((v) => `“${optionText(other, v)}”`);
        parts.push(`you answered ${list.join(' or ')} to ${label}`);
        break;
      }
      case 'greater_than':
        parts.push(`your answer to ${label} is more than ${String(value)}`);
        break;
      case 'less_than':
        parts.push(`your answer to ${label} is less than ${String(value)}`);
        break;
      case 'answered':
        parts.push(value === false ? `you left ${label} empty` : `you answered ${label}`);
        break;
    }
  }
  return parts.length ? `Answer this only if ${parts.join(' and ')}.` : undefined;
}

function SingleInput(props: FieldViewProps) {
  const { field, value } = props;
  const { describedBy, nodes } = notes(props);
  const common = {
    id: inputId(field.id),
    name: field.id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid(props),
    'data-described': true,
    'data-error-before': true,
    autocomplete: field.prefill ? AUTOCOMPLETE[field.prefill] : undefined,
  };
  let input: unknown;
  switch (field.type) {
    case 'long_text':
      input = (
        <textarea {...common} rows={4} maxlength={field.maxLength ?? DEFAULT_MAX_LENGTH.long_text}>
          {textOf(value)}
        </textarea>
      );
      break;
    case 'number':
      input = (
        <input
          {...common}
          type="number"
          step="any"
          inputmode="decimal"
          min={field.min}
          max={field.max}
          value={textOf(value)}
        />
      );
      break;
    case 'date':
      input = (
        <input
          {...common}
          type="date"
          max={field.prefill === 'dateOfBirth' ? props.today : undefined}
          value={textOf(value)}
        />
      );
      break;
    case 'phone':
      input = <input {...common} type="tel" inputmode="tel" value={textOf(value)} />;
      break;
    case 'email':
      input = (
        <input {...common} type="email" spellcheck={false} autocapitalize="off" value={textOf(value)} />
      );
      break;
    default:
      input = (
        <input
          {...common}
          type="text"
          maxlength={field.maxLength ?? DEFAULT_MAX_LENGTH.short_text}
          value={textOf(value)}
        />
      );
  }
  return (
    <div class={wrapperClass(props)} id={wrapperId(field.id)} data-field={field.id}>
      <label for={inputId(field.id)}>
        {field.label}
        <Required required={props.required} />
      </label>
      {nodes}
      {input}
    </div>
  );
}

/** Radios or checkboxes in a fieldset: the legend names the question, the fieldset carries the notes. */
function ChoiceGroup(props: FieldViewProps) {
  const { field, value } = props;
  const { describedBy, nodes } = notes(props);
  const multiple = field.type === 'multiple_choice';
  const options =
    field.type === 'yes_no'
      ? [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]
      : (field.options ?? []);
  const chosen = new Set(
    field.type === 'yes_no' ? [yesNoOf(value)] : Array.isArray(value) ? value : [textOf(value)],
  );
  return (
    <fieldset
      class={wrapperClass(props)}
      id={wrapperId(field.id)}
      data-field={field.id}
      data-described
      aria-describedby={describedBy}
    >
      <legend>
        {field.label}
        <Required required={props.required} />
      </legend>
      {nodes}
      <div class={field.type === 'yes_no' ? 'inline' : undefined} data-error-before>
        {options.map((option, i) => {
          const id = i === 0 ? inputId(field.id) : `${inputId(field.id)}-${i}`;
          return (
            <div class="choice">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={id}
                name={field.id}
                value={option.value}
                checked={chosen.has(option.value)}
                aria-invalid={invalid(props)}
              />
              <label for={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The exact consent text in a scrollable region, then the box to agree. */
function Consent(props: FieldViewProps) {
  const { field, value } = props;
  const { describedBy, nodes } = notes(props);
  const textId = `${inputId(field.id)}-text`;
  return (
    <div class={wrapperClass(props)} id={wrapperId(field.id)} data-field={field.id}>
      {/* Focusable so keyboard users can scroll it. */}
      <section class="consent-text" id={textId} aria-label="Consent text" tabindex={0}>
        {field.text ?? ''}
      </section>
      {nodes}
      <div class="choice" data-error-before>
        <input
          type="checkbox"
          id={inputId(field.id)}
          name={field.id}
          value="yes"
          checked={value === true || yesNoOf(value) === 'yes'}
          aria-describedby={describedBy}
          aria-invalid={invalid(props)}
          data-described
        />
        <label for={inputId(field.id)}>
          {field.label}
          <Required required={props.required} />
        </label>
      </div>
    </div>
  );
}

export function FieldView(props: FieldViewProps) {
  switch (props.field.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'yes_no':
      return <ChoiceGroup {...props} />;
    case 'consent':
      return <Consent {...props} />;
    case 'signature':
      return <Signature {...props} />;
    case 'file':
      return <FileInput {...props} />;
    default:
      return <SingleInput {...props} />;
  }
}
