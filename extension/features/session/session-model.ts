import { action, createModel, signal } from '@preact/signals';
import type { SessionView } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';

/**
 * The panel's session as the background holds it: loaded when the panel
 * opens, replaced by whatever sign-in, sign-out or the idle clock answers.
 */
export const SessionModel = createModel(() => {
  const session = signal<SessionView | null>(null);
  const loadError = signal<string | null>(null);

  const show = action((next: SessionView) => {
    session.value = next;
  });
  const refresh = action(() => {
    loadError.value = null;
    sendMessage('getSession', undefined).then(show, (e: Error) => {
      loadError.value = e.message;
      session.value = { status: 'signed_out' };
    });
  });
  refresh();

  return {
    session,
    loadError,
    show,
    refresh,
    signOut: action(async () => show(await sendMessage('logout', undefined))),
    /** The panel's own idle clock ran out: the background ends the session too. */
    expire: action(async () => show(await sendMessage('expire', undefined))),
  };
});

export type SessionState = InstanceType<typeof SessionModel>;
