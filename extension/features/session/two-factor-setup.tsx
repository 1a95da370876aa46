import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { TwoFactorModel } from './two-factor-model';

/**
 * Turning on two-factor sign-in: a new secret for the authenticator app, a
 * code to prove it works, then the one-time backup codes, shown once.
 */
export function TwoFactorSetup({ onDone }: { onDone: () => void }) {
  const model = useModel(() => new TwoFactorModel());
  const [code, setCode] = useState('');
  const setup = model.setup.value;
  const backupCodes = model.backupCodes.value;
  const error = model.error.value;
  const pending = model.pending.value;

  function enable(e: Event) {
    e.preventDefault();
    model.enable(code.trim());
  }

  if (backupCodes) {
    return (
      <section class="area" aria-labelledby="tf-title">
        <h2 id="tf-title">Two-factor sign-in is on</h2>
        <p>
          Keep these backup codes somewhere safe. Each works once if you lose your phone. They are not shown
          again.
        </p>
        <ul class="codes" data-testid="backup-codes">
          {backupCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" class="primary" onClick={onDone}>
          I have saved them
        </button>
      </section>
    );
  }

  return (
    <section class="area" aria-labelledby="tf-title">
      <h2 id="tf-title">Set up two-factor sign-in</h2>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {!setup ? (
        <>
          <p>
            You will need an authenticator app on your phone (for example Google Authenticator, Microsoft
            Authenticator or 1Password).
          </p>
          <button type="button" class="primary" onClick={model.start} disabled={pending}>
            {pending ? 'Starting…' : 'Start'}
          </button>
        </>
      ) : (
        <form onSubmit={enable} noValidate>
          <p>
            In your app, add an account and enter this key (time-based):
            <br />
            <code class="secret" data-testid="two-factor-secret">
              {setup.secret.match(/.{1,4}/g)?.join(' ')}
            </code>
          </p>
          <p class="muted small">
            Or open <a href={setup.otpauthUrl}>this setup link</a> on a device with the app.
          </p>
          <label for="tf-code">6-digit code from the app</label>
          <input
            id="tf-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={pending || !/^\d{6}$/.test(code.trim())}>
            {pending ? 'Checking…' : 'Turn on'}
          </button>
        </form>
      )}
    </section>
  );
}
