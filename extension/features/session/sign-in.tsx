import { useEffect, useRef } from 'preact/hooks';
import type { SessionView } from '../../utils/messages';
import type { SignInState } from './sign-in-model';

type Props = {
  model: SignInState;
  session: Extract<SessionView, { status: 'signed_out' | 'two_factor_required' }>;
  notice: string | null;
  onSession: (s: SessionView) => void;
  onSignOut: () => void;
  onSettings: () => void;
};

export function SignIn({ model, session, notice, onSession, onSignOut, onSettings }: Props) {
  const email = model.email.value;
  const password = model.password.value;
  const code = model.code.value;
  const error = model.error.value;
  const pending = model.pending.value;
  const first = useRef<HTMLInputElement>(null);
  const twoFactor = session.status === 'two_factor_required';

  useEffect(() => first.current?.focus(), [twoFactor]);

  async function submit(e: Event) {
    e.preventDefault();
    const next = await model.submit(twoFactor);
    if (next) onSession(next);
  }

  const info = error ?? notice ?? (session.status === 'signed_out' ? session.reason : undefined);

  return (
    <main class="sign-in">
      <h1>Sidecar CRM</h1>
      <p class="muted">
        {twoFactor
          ? `Enter the code from your authenticator app for ${session.email}.`
          : 'Sign in to your organisation.'}
      </p>
      {info ? (
        <p
          class={error ? 'alert error' : 'alert'}
          role={error ? 'alert' : 'status'}
          data-testid="sign-in-message"
        >
          {info}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        {twoFactor ? (
          <>
            <label for="code">Authentication code</label>
            <input
              id="code"
              ref={first}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onInput={(e) => {
                model.code.value = e.currentTarget.value;
              }}
              placeholder="123456 or a backup code"
              required
            />
          </>
        ) : (
          <>
            <label for="email">Email</label>
            <input
              id="email"
              ref={first}
              type="email"
              autoComplete="username"
              value={email}
              onInput={(e) => {
                model.email.value = e.currentTarget.value;
              }}
              required
            />
            <label for="password">Password</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => {
                model.password.value = e.currentTarget.value;
              }}
              required
            />
          </>
        )}
        <button type="submit" class="primary" disabled={pending || (twoFactor ? !code : !email || !password)}>
          {pending ? 'Signing in…' : twoFactor ? 'Verify' : 'Sign in'}
        </button>
      </form>
      {twoFactor ? (
        <button type="button" class="link" onClick={onSignOut}>
          Use another account
        </button>
      ) : null}
      <p class="server muted">
        Server: <span data-testid="server-url">{model.serverUrl.value}</span>{' '}
        <button type="button" class="link" onClick={onSettings} aria-label="Change server address">
          Change
        </button>
      </p>
    </main>
  );
}
