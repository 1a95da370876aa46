import { useState } from 'preact/hooks';
import type { RecordsRequest } from '../../../shared/schemas/records';

/**
 * Sends the built-in authorization form for the patient (a minor's to the
 * responsible party) to sign online; the signed copy comes back on the
 * request by itself. The address defaults to the record's.
 */
export function RecordsAuthorizationForm(props: {
  request: RecordsRequest;
  saving: boolean;
  onSend: (email: string | undefined) => Promise<{ recipientEmail: string | null } | null>;
}) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div>
      <label for="records-auth-form-email">
        Email the authorization form to (leave empty for the record's)
      </label>
      <input
        id="records-auth-form-email"
        type="email"
        value={email}
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
      <button
        type="button"
        class="secondary"
        disabled={props.saving}
        onClick={async () => {
          const form = await props.onSend(email.trim() || undefined);
          if (form) {
            setSent(`Authorization form sent to ${form.recipientEmail}.`);
            setEmail('');
          }
        }}
      >
        Send authorization form
      </button>
      {sent ? (
        <p class="small" role="status" data-testid="records-auth-form-sent">
          {sent}
        </p>
      ) : props.request.authorizationFormId ? (
        <p class="muted small">
          An authorization form was sent; its signed copy is added here when it comes back.
        </p>
      ) : null}
    </div>
  );
}
