/** @jsxImportSource hono/jsx */
/**
 * One intake field as HTML that works without JavaScript: a label tied to its
 * input (or a fieldset and legend for a group), help, the "filled in from our
 * records" note, and the error, each named in `aria-describedby`, with
 * `aria-invalid` on the inputs. The page's script reuses this markup (see
 * client/field-errors.ts).
 */
import { DEFAULT_MAX_LENGTH } from '../../../shared/intake/answer-checks';
import type {
  AnswerValue,
  Condition,
  Field,
  FileAnswer,
  PrefillKey,
  Section,
  SignatureAnswer,
} from '../../../shared/intake/definition';
import { errorId, fileRemoveName, helpId, inputId, signaturePart, wrapperId } from './page-contract';

export type FieldViewProps = {
  field: Field;
  value: AnswerValue | undefined;
  error?: string;
  required: boolean;
  /** The value shown came from the practice's records: ask the person to check it. */
  prefilled: boolean;
  /** Shown without JavaScript when the field depends on another answer of this step. */
  conditionHint?: string;
  /** The field's condition does not hold yet: hidden once the script runs. */
  off: boolean;
  /** YYYY-MM-DD, the latest date a date of birth can take. */
  today: string;
};

const AUTOCOMPLETE: Record<PrefillKey, string> = {
  firstName: 'given-name',
  lastName: 'family-name',
  dateOfBirth: 'bday',
  email: 'email',
  phone: 'tel',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

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

function Required(props: { required: boolean }) {
  return (
    <span class="req" hidden={!props.required}>
      (required)
    </span>
  );
}

/** Help, condition hint, prefill note and error, with the ids that `aria-describedby` lists. */
function notes(props: FieldViewProps) {
  const { field } = props;
  const ids: string[] = [];
  const nodes = [];
  if (field.help) {
    ids.push(helpId(field.id));
    nodes.push(
      <p class="hint" id={helpId(field.id)}>
        {field.help}
      </p>,
    );
  }
  if (props.conditionHint) {
    ids.push(`${inputId(field.id)}-when`);
    nodes.push(
      <p class="hint cond-hint" id={`${inputId(field.id)}-when`}>
        {props.conditionHint}
      </p>,
    );
  }
  if (props.prefilled) {
    ids.push(`${inputId(field.id)}-prefilled`);
    nodes.push(
      <p class="prefilled" id={`${inputId(field.id)}-prefilled`}>
        We filled this in from our records — please check
      </p>,
    );
  }
  if (props.error) {
    ids.push(errorId(field.id));
    nodes.push(
      <p class="error" id={errorId(field.id)}>
        {props.error}
      </p>,
    );
  }
  return { describedBy: ids.length ? ids.join(' ') : undefined, nodes };
}

const wrapperClass = (props: FieldViewProps) =>
  ['field', props.off ? 'cond-off' : '', props.error ? 'invalid' : ''].filter(Boolean).join(' ');
const invalid = (props: FieldViewProps) => (props.error ? 'true' : undefined);

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

/**
 * The signer's name, then the signature: typed (always there, the way to sign
 * without JavaScript) or drawn on a canvas that the script reveals. For a
 * `guardianIfMinor` signature the guardian's name and relationship are always
 * rendered; the script hides them when the patient is not a minor, and the
 * server enforces the rule through the engine either way.
 */
function Signature(props: FieldViewProps) {
  const { field } = props;
  const value = isRecord(props.value) ? (props.value as Partial<SignatureAnswer>) : {};
  const { describedBy, nodes } = notes(props);
  const id = inputId(field.id);
  const drawn = value.kind === 'drawn' ? textOf(value.value) : '';
  const typed = value.kind === 'drawn' ? '' : textOf(value.value);
  return (
    <fieldset
      class={wrapperClass(props)}
      id={wrapperId(field.id)}
      data-field={field.id}
      data-signature
      data-described
      aria-describedby={describedBy}
    >
      <legend>
        {field.label}
        <Required required={props.required} />
      </legend>
      {nodes}
      <label for={id} data-error-before>
        Full name of the person signing
      </label>
      <input
        id={id}
        name={signaturePart(field.id, 'signerName')}
        type="text"
        autocomplete="name"
        maxlength={120}
        value={textOf(value.signerName)}
        aria-invalid={invalid(props)}
      />
      <div class="sig-pad" data-pad hidden>
        <fieldset class="field">
          <legend>How would you like to sign?</legend>
          <div class="inline">
            <div class="choice">
              <input
                type="radio"
                id={`${id}-draw`}
                name={signaturePart(field.id, 'kind')}
                value="drawn"
                data-mode
                disabled
                checked={value.kind === 'drawn'}
              />
              <label for={`${id}-draw`}>Draw</label>
            </div>
            <div class="choice">
              <input
                type="radio"
                id={`${id}-type`}
                name={signaturePart(field.id, 'kind')}
                value="typed"
                data-mode
                disabled
                checked={value.kind !== 'drawn'}
              />
              <label for={`${id}-type`}>Type</label>
            </div>
          </div>
        </fieldset>
        <div data-draw-area>
          <p class="hint" id={`${id}-pad-help`}>
            Sign in the box with your finger or mouse.
          </p>
          <canvas role="img" aria-label="Signature drawing area" aria-describedby={`${id}-pad-help`} />
          <button type="button" class="secondary" data-clear>
            Clear the signature
          </button>
          <input type="hidden" name={signaturePart(field.id, 'value')} value={drawn} data-drawn disabled />
        </div>
      </div>
      <div data-typed-area>
        <label for={`${id}-typed`}>Type your full name to sign</label>
        <input
          id={`${id}-typed`}
          name={signaturePart(field.id, 'value')}
          type="text"
          autocomplete="name"
          maxlength={120}
          value={typed}
          class="typed-signature"
          aria-invalid={invalid(props)}
          data-typed
        />
      </div>
      {field.guardianIfMinor ? (
        <fieldset class="guardian" data-guardian-block>
          <legend>If the patient is under 18, a parent or guardian signs here</legend>
          <label for={`${id}-guardian-name`}>Parent or guardian's full name</label>
          <input
            id={`${id}-guardian-name`}
            name={signaturePart(field.id, 'guardianName')}
            type="text"
            autocomplete="name"
            maxlength={120}
            value={textOf(value.guardian?.name)}
            aria-invalid={invalid(props)}
          />
          <label for={`${id}-guardian-relationship`}>Relationship to the patient</label>
          <input
            id={`${id}-guardian-relationship`}
            name={signaturePart(field.id, 'guardianRelationship')}
            type="text"
            maxlength={60}
            value={textOf(value.guardian?.relationship)}
            aria-invalid={invalid(props)}
          />
        </fieldset>
      ) : null}
    </fieldset>
  );
}

function sizeText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file input; an upload already stored is named, and can be replaced (or removed when optional). */
function FileInput(props: FieldViewProps) {
  const { field } = props;
  const current = isRecord(props.value) && 'fileId' in props.value ? (props.value as FileAnswer) : null;
  const { describedBy, nodes } = notes(props);
  const kinds = field.accept ?? ['image', 'pdf'];
  const accept = [
    ...(kinds.includes('image') ? ['image/jpeg', 'image/png'] : []),
    ...(kinds.includes('pdf') ? ['application/pdf'] : []),
  ];
  const currentId = `${inputId(field.id)}-current`;
  return (
    <div class={wrapperClass(props)} id={wrapperId(field.id)} data-field={field.id}>
      <label for={inputId(field.id)}>
        {field.label}
        <Required required={props.required} />
      </label>
      {nodes}
      {current ? (
        <p class="file-current" id={currentId}>
          Uploaded: {current.name} ({sizeText(current.size)}). Choose another file to replace it.
        </p>
      ) : null}
      <input
        type="file"
        id={inputId(field.id)}
        name={field.id}
        accept={accept.join(',')}
        aria-describedby={[describedBy, current ? currentId : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid(props)}
        data-described
        data-error-before
      />
      {current && !props.required ? (
        <div class="choice">
          <input
            type="checkbox"
            id={`${inputId(field.id)}-remove`}
            name={fileRemoveName(field.id)}
            value="yes"
          />
          <label for={`${inputId(field.id)}-remove`}>Remove this file</label>
        </div>
      ) : null}
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
