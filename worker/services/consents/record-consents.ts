import type { IntakeSignatureRecord, patientConsents } from '../../../db/schema';
import { consentKindOf, signerRelationshipOf } from '../../../shared/consents';
import type { Answers, Field, FormDefinition } from '../../../shared/intake/definition';
import { newId } from '../../lib/crypto';
import { sha256Hex } from '../intake/signatures';

type NewConsent = Omit<typeof patientConsents.$inferInsert, 'organizationId'>;

export type ConsentSource = {
  submissionId: string;
  versionId: string;
  version: number;
  formName: string;
  leadId: string | null;
  patientId: string | null;
  definition: FormDefinition;
  answers: Answers;
  signatures: IntakeSignatureRecord[];
};

/**
 * One row per consent given: each consent field the person agreed to (an
 * unticked optional one, such as photos for marketing, is not a consent) and
 * that a signature then covered. The hash is of that field's own text, so each
 * consent can be proven on its own; the signature record keeps the hash of all
 * the texts it covered together.
 */
export async function consentRows(source: ConsentSource, now: string): Promise<NewConsent[]> {
  const fields = new Map<string, Field>(
    source.definition.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)),
  );
  const rows: NewConsent[] = [];
  for (const signature of source.signatures) {
    for (const fieldId of signature.consentFieldIds) {
      const field = fields.get(fieldId);
      if (!field || !Object.hasOwn(source.answers, fieldId) || source.answers[fieldId] !== true) continue;
      rows.push({
        id: newId('cns'),
        submissionId: source.submissionId,
        versionId: source.versionId,
        version: source.version,
        formName: source.formName,
        leadId: source.leadId,
        patientId: source.patientId,
        fieldId,
        kind: consentKindOf(fieldId),
        title: field.label,
        textSha256: await sha256Hex(field.text ?? ''),
        signerName: signature.guardian?.name ?? signature.signerName,
        signerRelationship: signerRelationshipOf(signature.guardian?.relationship),
        signerStated: signature.guardian?.relationship ?? null,
        signedAt: signature.signedAt,
        createdAt: now,
      });
    }
  }
  return rows;
}
