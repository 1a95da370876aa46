import { randomBytes, sha256 } from '../../lib/crypto';

/** Digits of a one-time code. */
const CODE_DIGITS = 8;

/** A one-time code, uniformly random, and the hash that is kept (bound to its link so codes do not transfer). */
export async function newLinkCode(linkId: string) {
  const digits: number[] = [];
  // Bytes of 250 and over are skipped so that every digit is equally likely.
  while (digits.length < CODE_DIGITS)
    for (const b of randomBytes(16)) if (b < 250 && digits.length < CODE_DIGITS) digits.push(b % 10);
  const code = digits.join('');
  return { code, codeHash: await linkCodeHash(linkId, code) };
}

export const linkCodeHash = (linkId: string, code: string) => sha256(`${linkId}:${code.replace(/\D/g, '')}`);

export const recordsLinkUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/r/${token}`;

/** The cookie that carries a recipient's grant after the code, readable only under its link's path. */
export const GRANT_COOKIE = 'records_grant';
