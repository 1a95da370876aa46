import { type Field, PREFILL_KEYS, type PrefillKey } from '../../../shared/intake/definition';
import { ConditionEditor } from './condition-editor';

export const FIELD_TYPE_LABELS: Record<Field['type'], string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  date: 'Date',
  phone: 'Phone',
  email: 'Email',
  single_choice: 'Choose one',
  multiple_choice: 'Choose any',
  yes_no: 'Yes / no',
  file: 'File upload',
  signature: 'Signature',
  consent: 'Consent',
};

const PREFILL_LABELS: Record<PrefillKey, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
};

/** One field's settings: wording, required, options, pre-fill and its logic. */
export function FieldEditor(props: {
  field: Field;
  earlier: Field[];
  onChange: (change: Partial<Field>) => void;
}) {
  const { field: f, onChange } = props;
  const id = `fe-${f.id}`;
  const hasOptions = f.type === 'single_choice' || f.type === 'multiple_choice';
  return (
    <div class="field-editor" data-testid="field-editor">
      <p class="muted small">{FIELD_TYPE_LABELS[f.type]}</p>
      <label for={`${id}-label`}>Question</label>
      <input id={`${id}-label`} value={f.label} onInput={(e) => onChange({ label: e.currentTarget.value })} />
      <label for={`${id}-help`}>Help text (optional)</label>
      <input
        id={`${id}-help`}
        value={f.help ?? ''}
        onInput={(e) => onChange({ help: e.currentTarget.value || undefined })}
      />
      {f.type === 'consent' ? (
        <>
          <label for={`${id}-text`}>Consent text shown</label>
          <textarea
            id={`${id}-text`}
            rows={5}
            value={f.text ?? ''}
            onInput={(e) => onChange({ text: e.currentTarget.value })}
          />
        </>
      ) : null}
      <label class="check">
        <input
          type="checkbox"
          checked={!!f.required}
          onChange={(e) => onChange({ required: e.currentTarget.checked })}
        />{' '}
        Required
      </label>
      {f.type === 'signature' ? (
        <label class="check">
          <input
            type="checkbox"
            checked={!!f.guardianIfMinor}
            onChange={(e) => onChange({ guardianIfMinor: e.currentTarget.checked })}
          />{' '}
          A parent or guardian signs for a patient under 18
        </label>
      ) : null}
      {['short_text', 'date', 'email', 'phone'].includes(f.type) ? (
        <>
          <label for={`${id}-prefill`}>Fill in from our records</label>
          <select
            id={`${id}-prefill`}
            value={f.prefill ?? ''}
            onChange={(e) =>
              onChange({ prefill: (e.currentTarget.value || undefined) as PrefillKey | undefined })
            }
          >
            <option value="">Nothing</option>
            {PREFILL_KEYS.map((k) => (
              <option value={k} key={k}>
                {PREFILL_LABELS[k]}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {hasOptions ? (
        <>
          <label for={`${id}-options`}>Choices (one per line)</label>
          <textarea
            id={`${id}-options`}
            rows={4}
            value={(f.options ?? []).map((o) => o.label).join('\n')}
            onInput={(e) =>
              onChange({
                // Values follow the labels so conditions stay readable; the server checks they are unique.
                options: e.currentTarget.value
                  .split('\n')
                  .map((label) => label.trim())
                  .filter(Boolean)
                  .map((label) => ({
                    value:
                      f.options?.find((o) => o.label === label)?.value ??
                      (label
                        .toLowerCase()
                        .replace(/[^a-z0-9]+/g, '_')
                        .replace(/^_|_$/g, '')
                        .slice(0, 60) ||
                        'option'),
                    label,
                  })),
              })
            }
          />
        </>
      ) : null}
      <ConditionEditor
        idPrefix={`${id}-show`}
        legend="Show only when"
        conditions={f.showWhen ?? []}
        earlier={props.earlier}
        onChange={(showWhen) => onChange({ showWhen: showWhen.length ? showWhen : undefined })}
      />
      {f.type !== 'consent' ? (
        <ConditionEditor
          idPrefix={`${id}-require`}
          legend="Also required when"
          conditions={f.requireWhen ?? []}
          earlier={props.earlier}
          onChange={(requireWhen) => onChange({ requireWhen: requireWhen.length ? requireWhen : undefined })}
        />
      ) : null}
    </div>
  );
}
