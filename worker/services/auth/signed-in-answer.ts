import type { Db } from '../../../db/client';
import { loadSession, meFrom } from './session-context';

/** The answer to a completed sign-in: the new session's token with who is signed in. */
export async function signedInAnswer(db: Db, token: string, expiresAt: string) {
  const auth = await loadSession(db, token);
  if (!auth) throw new Error('a session just created could not be read back');
  return { status: 'signed_in' as const, token, expiresAt, me: meFrom(auth) };
}
