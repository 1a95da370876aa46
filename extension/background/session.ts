import { parseResponse } from 'hono/client';
import { ApiError } from '../utils/api-client';
import type { BackgroundDeps, Core, Handlers, StoredAuth } from './context';
import { CHALLENGE_EXPIRED, challengeLapsed, SESSION_ENDED, sessionLapsed, view } from './context';
import { authApi, type Connection } from './server-api';

/** Sign-in, two-factor, sign-out and the idle clock. */
export function sessionHandlers(
  deps: BackgroundDeps,
  core: Core,
): Pick<Handlers, 'getSession' | 'login' | 'loginTwoFactor' | 'logout' | 'expire'> {
  const { signOut, signedIn, refreshMe } = core;
  const anonymous = async (): Promise<Connection> => ({
    fetch: deps.fetch,
    serverUrl: await deps.serverUrl.get(),
  });
  return {
    async getSession() {
      const auth = await deps.auth.get();
      if (auth.kind === 'challenge' && challengeLapsed(auth, deps.now())) return signOut(CHALLENGE_EXPIRED);
      if (auth.kind !== 'session') return view(auth);
      if (sessionLapsed(auth, deps.now())) return signOut(SESSION_ENDED);
      try {
        await refreshMe();
        return view(await deps.auth.get());
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return view(await deps.auth.get());
        throw e;
      }
    },
    async login({ email, password }) {
      const answer = await parseResponse(
        authApi(await anonymous()).login.$post({ json: { email, password } }),
      );
      if (answer.status === 'signed_in') return signedIn(answer);
      const next: StoredAuth = {
        kind: 'challenge',
        challengeToken: answer.challengeToken,
        email,
        expiresAt: answer.expiresAt,
      };
      await deps.auth.set(next);
      return view(next);
    },
    async loginTwoFactor({ code }) {
      const auth = await deps.auth.get();
      if (auth.kind !== 'challenge') return signOut('Start again with your email and password.');
      if (challengeLapsed(auth, deps.now())) return signOut(CHALLENGE_EXPIRED);
      try {
        const answer = await parseResponse(
          authApi(await anonymous()).login['two-factor'].$post({
            json: { challengeToken: auth.challengeToken, code },
          }),
        );
        return signedIn(answer);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401 && e.failure.message.includes('expired'))
          await signOut(e.failure.message);
        throw e;
      }
    },
    async logout() {
      const auth = await deps.auth.get();
      if (auth.kind === 'session') {
        // Signing out locally must never wait on, or fail with, the server.
        const c = { ...(await anonymous()), token: auth.token };
        await authApi(c)
          .logout.$post()
          .catch(() => undefined);
      }
      return signOut();
    },
    async expire() {
      // The panel's timer only knows the activity it has seen; calls made since
      // then moved the stored clock on, and that one decides.
      const auth = await deps.auth.get();
      if (auth.kind === 'session' && !sessionLapsed(auth, deps.now())) return view(auth);
      if (auth.kind === 'session') return signOut(SESSION_ENDED);
      return view(auth);
    },
  };
}
