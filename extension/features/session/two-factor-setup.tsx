import { useState } from 'preact/hooks';
import { sendMessage } from '../../utils/send-message';

type Setup = { secret: string; otpauthUrl: string };

/**
 * Turning on two-factor sign-in: a new secret for the authenticator app, a
 * code to prove it works, then the one-time backup codes, shown once.
 */
export function TwoFactorSetup({ onDone }: { onDone: () => void }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setPending(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    } finally {
      setPending(false);
    }
  }

  const start = () =>
    run(async () =>
      setSetup(
        (await sendMessage('api', { method: 'POST', path: '/api/v1/me/two-factor/setup' })).body as Setup,
      ),
    );

  async function enable(e: Event) {
    e.preventDefault();
    const result = (await run(() =>
      sendMessage('api', {
        method: 'POST',
        path: '/api/v1/me/two-factor/enable',
        body: { code: code.trim() },
      }).then((answer) => answer.body),
    )) as { backupCodes: string[] } | undefined;
    if (result) setBackupCodes(result.backupCodes);
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
          <button type="button" class="primary" onClick={start} disabled={pending}>
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
