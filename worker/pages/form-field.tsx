/** @jsxImportSource hono/jsx */
import { PASSWORD_MIN_LENGTH } from '../../shared/schemas/auth';

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  type: string;
  value?: string;
  error?: string;
  hint?: string;
  autocomplete: string;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        value={props.value ?? ''}
        required
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** "Choose a password" and "Repeat the password", as the invitation and reset pages both ask. */
export function NewPasswordFields(props: { label: string; errors: { password?: string; confirm?: string } }) {
  return (
    <>
      <Field
        id="password"
        label={props.label}
        type="password"
        error={props.errors.password}
        autocomplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; avoid common passwords.`}
      />
      <Field
        id="confirm"
        label="Repeat the password"
        type="password"
        error={props.errors.confirm}
        autocomplete="new-password"
      />
    </>
  );
}
