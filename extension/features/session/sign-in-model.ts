import { action, createModel, signal } from '@preact/signals';
import { sendMessage } from '../../utils/send-message';

type Credentials = { email: string; password: string } | { code: string };

/**
 * Signing in (password, then a code when two-factor is on) and the server it
 * goes to. The panel owns it above the sign-in screen, so what the person typed
 * survives a visit to Settings (changing the server address) and back.
 */
export const SignInModel = createModel(() => {
  const serverUrl = signal('');
  const error = signal<string | null>(null);
  const pending = signal(false);
  const email = signal('');
  const password = signal('');
  const code = signal('');

  const loadServer = action(() =>
    sendMessage('getSettings', undefined).then(
      (s) => {
        serverUrl.value = s.serverUrl;
      },
      () => undefined,
    ),
  );
  loadServer();

  return {
    serverUrl,
    error,
    pending,
    email,
    password,
    code,
    loadServer,
    /** The new session, or undefined when refused (the reason is in `error`). */
    submit: action(async (twoFactor: boolean) => {
      pending.value = true;
      error.value = null;
      const credentials: Credentials = twoFactor
        ? { code: code.peek() }
        : { email: email.peek(), password: password.peek() };
      try {
        const next =
          'code' in credentials
            ? await sendMessage('loginTwoFactor', credentials)
            : await sendMessage('login', credentials);
        // Nothing typed stays for the next person at this browser.
        if (next.status === 'signed_in') email.value = '';
        password.value = '';
        code.value = '';
        return next;
      } catch (err) {
        error.value = (err as Error).message;
        return undefined;
      } finally {
        pending.value = false;
      }
    }),
  };
});

export type SignInState = InstanceType<typeof SignInModel>;
