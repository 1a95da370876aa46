import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Answers, AnswerValue, Field, FormDefinition } from '../../../shared/intake/definition';
import { validateAnswers, visibleFields, visibleSections } from '../../../shared/intake/engine';

/**
 * The form as a patient's phone shows it, with the same engine the public page
 * runs: answer questions to see the logic show and hide the rest, and "Check"
 * to see the messages a patient would get. Nothing here is saved.
 */
export function FormPreview({ definition }: { definition: FormDefinition }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (id: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined || value === '') delete next[id];
    else next[id] = value;
    setAnswers(next);
  };
  const shown = new Set(visibleFields(definition, answers).map((f) => f.id));
  const today = new Date().toISOString().slice(0, 10);

  return (
    <section class="phone-preview" data-testid="form-preview" aria-label="Preview on a phone">
      <h3>{definition.title}</h3>
      {visibleSections(definition, answers).map((s) => (
        <section key={s.id}>
          <h4>{s.title}</h4>
          {s.fields
            .filter((f) => shown.has(f.id))
            .map((f) => (
              <PreviewField
                key={f.id}
                field={f}
                value={answers[f.id]}
                error={errors[f.id]}
                onChange={(v) => set(f.id, v)}
              />
            ))}
        </section>
      ))}
      <div class="row">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const result = validateAnswers(definition, answers, { today });
            setErrors(result.ok ? {} : result.errors);
          }}
        >
          Check answers
        </button>
        <button
          type="button"
          class="link"
          onClick={() => {
            setAnswers({});
            setErrors({});
          }}
        >
          Start over
        </button>
      </div>
      {Object.keys(errors).length === 0 ? null : (
        <p class="muted small" role="status">
          {Object.keys(errors).length} question(s) need an answer or a fix.
        </p>
      )}
    </section>
  );
}

function PreviewField(props: {
  field: Field;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { field: f, value } = props;
  const id = `pv-${f.id}`;
  const label = (
    <>
      {f.label}
      {f.required ? ' *' : ''}
    </>
  );
  let control: ComponentChildren;
  if (f.type === 'yes_no' || f.type === 'single_choice' || f.type === 'multiple_choice') {
    const options =
      f.type === 'yes_no'
        ? [
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]
        : (f.options ?? []);
    const multiple = f.type === 'multiple_choice';
    const list = Array.isArray(value) ? value : [];
    control = (
      <fieldset>
        <legend>{label}</legend>
        {options.map((o) => (
          <label class="check" key={o.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              checked={multiple ? list.includes(o.value) : String(value) === o.value}
              onChange={(e) =>
                props.onChange(
                  multiple
                    ? e.currentTarget.checked
                      ? [...list, o.value]
                      : list.filter((v) => v !== o.value)
                    : f.type === 'yes_no'
                      ? o.value === 'true'
                      : o.value,
                )
              }
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  } else if (f.type === 'consent') {
    control = (
      <>
        <p class="consent-text">{f.text}</p>
        <label class="check">
          <input
            type="checkbox"
            checked={value === true}
            onChange={(e) => props.onChange(e.currentTarget.checked || undefined)}
          />{' '}
          {label}
        </label>
      </>
    );
  } else if (f.type === 'signature' || f.type === 'file') {
    control = (
      <>
        <label for={id}>{label}</label>
        <p class="muted small" id={id}>
          {f.type === 'signature'
            ? 'Drawn on the screen or typed on the form.'
            : 'The person picks a photo or a PDF on the form.'}
        </p>
      </>
    );
  } else {
    const type = ({ date: 'date', number: 'number', email: 'email', phone: 'tel' }[f.type as string] ??
      'text') as 'text';
    control = (
      <>
        <label for={id}>{label}</label>
        {f.type === 'long_text' ? (
          <textarea
            id={id}
            rows={3}
            value={String(value ?? '')}
            onInput={(e) => props.onChange(e.currentTarget.value)}
          />
        ) : (
          <input
            id={id}
            type={type}
            value={String(value ?? '')}
            onInput={(e) => props.onChange(e.currentTarget.value)}
          />
        )}
      </>
    );
  }
  return (
    <div class="field">
      {control}
      {f.help ? <p class="muted small">{f.help}</p> : null}
      {props.error ? <p class="field-error">{props.error}</p> : null}
    </div>
  );
}
