import type { ComponentChildren } from 'preact';

type Props = {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'url';
  autoComplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'url' | 'text';
};

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field({
  id,
  label,
  value,
  onInput,
  error,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
}: Props) {
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        // Preact's input types are a union per `type`; all of these are text-like.
        type={type as 'text'}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint ? (
        <p class="muted small" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <p class="field-error" id={id} role="alert">
      {children}
    </p>
  );
}
