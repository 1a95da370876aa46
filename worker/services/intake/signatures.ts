import type { IntakeSignatureRecord } from '../../../db/schema';
import type { Answers, FormDefinition, SignatureAnswer } from '../../../shared/intake/definition';
import { visibleFields } from '../../../shared/intake/engine';

/** SHA-256 of `text` as lower-case hex: how signature and consent records name the exact text shown. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const isSignature = (value: unknown): value is SignatureAnswer =>
  !!value && typeof value === 'object' && !Array.isArray(value) && 'signerName' in value;

/**
 * The evidence of each signature given: who signed (and the guardian for a
 * minor), when, from which address and browser, and the SHA-256 (hex) of the
 * exact consent text shown with it: the text of every consent field shown
 * since the previous signature, in form order, joined by a blank line.
 */
export async function signatureRecords(
  definition: FormDefinition,
  answers: Answers,
  client: { ip: string | null; userAgent: string | null },
  signedAt: string,
): Promise<IntakeSignatureRecord[]> {
  const records: IntakeSignatureRecord[] = [];
  let consents: { id: string; text: string }[] = [];
  for (const field of visibleFields(definition, answers)) {
    if (field.type === 'consent') consents.push({ id: field.id, text: field.text ?? '' });
    if (field.type !== 'signature') continue;
    const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
    if (!isSignature(value)) continue;
    records.push({
      fieldId: field.id,
      kind: value.kind,
      signerName: value.signerName,
      guardian: value.guardian
        ? { name: value.guardian.name, relationship: value.guardian.relationship }
        : null,
      signedAt,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      consentTextHash: consents.length ? await sha256Hex(consents.map((c) => c.text).join('\n\n')) : null,
      consentFieldIds: consents.map((c) => c.id),
    });
    consents = [];
  }
  return records;
}
