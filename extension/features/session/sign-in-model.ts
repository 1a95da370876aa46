import { action, createModel, signal } from '@preact/signals';
import { sendMessage } from '../../utils/send-message';

type Credentials = { email: string; password: string } | { code: string };

/** Signing in (password, then a code when two-factor is on) and the server it goes to. */
export const SignInModel = createModel(() => {
  const serverUrl = signal('');
  const error = signal<string | null>(null);
  const pending = signal(false);

  sendMessage('getSettings', undefined).then(
    (s) => {
      serverUrl.value = s.serverUrl;
    },
    () => undefined,
  );

  return {
    serverUrl,
    error,
    pending,
    /** The new session, or undefined when refused (the reason is in `error`). */
    submit: action(async (credentials: Credentials) => {
      pending.value = true;
      error.value = null;
      try {
        return 'code' in credentials
          ? await sendMessage('loginTwoFactor', credentials)
          : await sendMessage('login', credentials);
      } catch (err) {
        error.value = (err as Error).message;
        return undefined;
      } finally {
        pending.value = false;
      }
    }),
  };
});
