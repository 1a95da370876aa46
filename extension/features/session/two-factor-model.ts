import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';

type Setup = Awaited<ReturnType<typeof startSetup>>;

const startSetup = () => call(api.me['two-factor'].setup.$post());

/**
 * Turning on two-factor sign-in: a new secret for the authenticator app, a
 * code to prove it works, then the one-time backup codes, shown once.
 */
export const TwoFactorModel = createModel(() => {
  const setup = signal<Setup | null>(null);
  const backupCodes = signal<string[] | null>(null);
  const error = signal<string | null>(null);
  const pending = signal(false);

  async function run(work: () => Promise<void>) {
    pending.value = true;
    error.value = null;
    try {
      await work();
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      pending.value = false;
    }
  }

  return {
    setup,
    backupCodes,
    error,
    pending,
    start: action(() =>
      run(async () => {
        setup.value = await startSetup();
      }),
    ),
    enable: action((code: string) =>
      run(async () => {
        backupCodes.value = (await call(api.me['two-factor'].enable.$post({ json: { code } }))).backupCodes;
      }),
    ),
  };
});
