import { randomToken, sha256 } from '../../lib/crypto';

/**
 * A form link's secret: 256 random bits, base64url (43 characters). Only its
 * SHA-256 is stored; the raw token lives in the link and nowhere else.
 */
export async function newFormToken() {
  const token = randomToken();
  return { token, tokenHash: await sha256(token) };
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The hash to look a token up by, or null for anything that cannot be a token (answered like an unknown one). */
export async function formTokenHash(token: string): Promise<string | null> {
  return TOKEN_PATTERN.test(token) ? sha256(token) : null;
}

export const formLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/f/${token}`;
