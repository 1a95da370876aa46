/** @jsxImportSource hono/jsx */
/** What every intake field view shares: its props, the required mark, its notes (help, prefill, condition, error) and state. */
import type { AnswerValue, Field } from '../../../shared/intake/definition';
import { errorId, helpId, inputId } from './page-contract';

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

export const textOf = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function Required(props: { required: boolean }) {
  return (
    <span class="req" hidden={!props.required}>
      (required)
    </span>
  );
}

/** Help, condition hint, prefill note and error, with the ids that `aria-describedby` lists. */
export function notes(props: FieldViewProps) {
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

export const wrapperClass = (props: FieldViewProps) =>
  ['field', props.off ? 'cond-off' : '', props.error ? 'invalid' : ''].filter(Boolean).join(' ');
export const invalid = (props: FieldViewProps) => (props.error ? 'true' : undefined);
