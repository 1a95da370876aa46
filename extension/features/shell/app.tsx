import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SessionView } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { SignIn } from '../session/sign-in';
import { Settings } from '../settings/settings';
import { Workspace } from './workspace';

type Screen = 'main' | 'settings';

/** The side panel: sign-in, then the workspace; settings reachable from both. */
export function App() {
  const [session, setSession] = useState<SessionView | null>(null);
  const [screen, setScreen] = useState<Screen>('main');
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    setLoadError(null);
    sendMessage('getSession', undefined)
      .then(setSession)
      .catch((e: Error) => {
        setLoadError(e.message);
        setSession({ status: 'signed_out' });
      });
  }, []);

  useEffect(refresh, [refresh]);

  if (screen === 'settings') {
    return (
      <Settings
        onDone={() => {
          setScreen('main');
          refresh();
        }}
      />
    );
  }
  if (!session) {
    return (
      <p class="loading" aria-live="polite">
        Loading…
      </p>
    );
  }
  if (session.status === 'signed_in') {
    return (
      <Workspace
        session={session}
        onSession={setSession}
        onSettings={() => setScreen('settings')}
        onRefresh={refresh}
      />
    );
  }
  return (
    <SignIn
      session={session}
      notice={loadError}
      onSession={setSession}
      onSettings={() => setScreen('settings')}
    />
  );
}
