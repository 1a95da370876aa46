import { toBase64Url } from '../../lib/crypto';

/** A stable id for (rule version, subject, occurrence, what): the same act always has the same id. */
export async function actId(prefix: string, ...parts: (string | number)[]) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\u0000')));
  return `${prefix}_${toBase64Url(new Uint8Array(digest)).slice(0, 32)}`;
}
