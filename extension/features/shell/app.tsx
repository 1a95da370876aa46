import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { SessionModel } from '../session/session-model';
import { SignIn } from '../session/sign-in';
import { SignInModel } from '../session/sign-in-model';
import { Settings } from '../settings/settings';
import { Workspace } from './workspace';

type Screen = 'main' | 'settings';

/** The side panel: sign-in, then the workspace; settings reachable from both. */
export function App() {
  const model = useModel(() => new SessionModel());
  // Above the screens: what was typed on sign-in outlives a visit to Settings.
  const signIn = useModel(() => new SignInModel());
  const [screen, setScreen] = useState<Screen>('main');
  const session = model.session.value;

  if (screen === 'settings') {
    return (
      <Settings
        // Taught sites belong to the organisation: shown signed in, to those who teach sites.
        canManageSites={session?.status === 'signed_in' && session.me.permissions.includes('patients:edit')}
        onDone={() => {
          setScreen('main');
          signIn.loadServer();
          model.refresh();
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
        onSignOut={model.signOut}
        onExpire={model.expire}
        onSettings={() => setScreen('settings')}
        onRefresh={model.refresh}
      />
    );
  }
  return (
    <SignIn
      model={signIn}
      session={session}
      notice={model.loadError.value}
      onSession={model.show}
      onSignOut={model.signOut}
      onSettings={() => setScreen('settings')}
    />
  );
}
