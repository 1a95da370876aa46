import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../../db/client';
import {
  type IntakeSignatureRecord,
  intakeRequests,
  type intakeSubmissions,
  recordsFiles,
  recordsRequests,
} from '../../../db/schema';
import type { Answers, FormDefinition } from '../../../shared/intake/definition';
import { AUTHORIZATION_FIELDS as F } from '../../../shared/intake/records-authorization-form';
import type { AuthorizationCheck, AuthorizationElement } from '../../../shared/records/authorization';
import { AuditLog } from '../../lib/audit-log';
import { newId, toBase64Url } from '../../lib/crypto';
import { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { authorizationStatements, isCheckable } from './check-authorization';

const answered = (answers: Answers, id: string) => {
  if (!Object.hasOwn(answers, id)) return false;
  const value = answers[id];
  return value !== false && value !== '' && !(typeof value === 'string' && !value.trim());
};

/**
 * The checklist as the signed form shows it: an element is ticked only when
 * the form the person saw asked for it and they answered (a statement: they
 * ticked it), so a template edited in the builder cannot tick what it lost.
 */
export function checkFromSignedForm(
  definition: FormDefinition,
  answers: Answers,
  signatures: IntakeSignatureRecord[],
  facts: { sentBy: string; signedAt: string; submissionId: string },
): Extract<AuthorizationCheck, { kind: 'authorization' }> {
  const asked = new Set(definition.sections.flatMap((s) => s.fields.map((f) => f.id)));
  const has = (id: string) => asked.has(id) && answered(answers, id);
  const signature = signatures.find((s) => s.fieldId === F.signature);
  const tick: [AuthorizationElement, boolean][] = [
    ['description', has(F.description)],
    ['discloser', has(F.discloser)],
    ['recipient', has(F.recipient)],
    ['purpose', has(F.purpose)],
    ['expiration', has(F.expiresOn) || has(F.expiryEvent)],
    ['signature_and_date', !!signature],
    ['revocation_statement', has(F.revocation)],
    ['conditioning_statement', has(F.conditioning)],
    ['redisclosure_statement', has(F.redisclosure)],
  ];
  const expiresOn = has(F.expiresOn) ? answers[F.expiresOn] : null;
  return {
    kind: 'authorization',
    elements: tick.filter(([, yes]) => yes).map(([element]) => element),
    // A parent or guardian signing for a minor gives their relationship with the signature.
    signedByRepresentative: !!signature?.guardian || answers[F.byRepresentative] === true,
    representativeAuthority: !!signature?.guardian?.relationship.trim() || has(F.representativeAuthority),
    expiresOn: typeof expiresOn === 'string' ? expiresOn : null,
    psychotherapyNotes: false,
    checkedBy: facts.sentBy,
    checkedAt: facts.signedAt,
    submissionId: facts.submissionId,
  };
}

/**
 * When the signed form answers a records request's authorization form, the
 * statements that attach its PDF to the request as the signed authorization
 * and tick the checklist from it (on the timeline and audited), for the batch
 * that records the stored PDF: the PDF is attached exactly when it is stored.
 * Nothing when the submission answers no records request, or the request no
 * longer waits for approval.
 */
export async function signedAuthorizationStatements(
  db: Db,
  submission: typeof intakeSubmissions.$inferSelect,
  definition: FormDefinition,
  pdf: { key: string; bytes: Uint8Array },
): Promise<BatchItem<'sqlite'>[]> {
  const tenant = new TenantDb(db, submission.organizationId);
  const [request] = await tenant.select(
    recordsRequests,
    eq(recordsRequests.authorizationFormId, submission.requestId),
  );
  if (!request || !isCheckable(request.status)) return [];
  const [form] = await tenant.select(intakeRequests, eq(intakeRequests.id, submission.requestId));
  if (!form) return [];
  const now = iso();
  const check = checkFromSignedForm(definition, submission.answers, submission.signatures, {
    sentBy: form.createdBy,
    signedAt: submission.submittedAt,
    submissionId: submission.id,
  });
  const fileId = newId('rfl');
  const signer = submission.signatures.find((s) => s.fieldId === F.signature);
  const signedBy = signer?.guardian
    ? `${signer.guardian.name} (${signer.guardian.relationship})`
    : signer?.signerName;
  const { update, entry, missing } = authorizationStatements(
    tenant,
    request,
    { authorization: check, authorizationFileId: fileId },
    {
      kind: 'authorization_signed',
      text: signedBy ? `Signed by ${signedBy}` : undefined,
      detail: { submissionId: submission.id, fileId, signedBy: signedBy ?? null },
      by: null,
      now,
    },
    true,
  );
  const audit = new AuditLog(db, { ip: null, userAgent: null, requestId: `intake-pdf:${submission.id}` });
  audit.actor = { organizationId: submission.organizationId, userId: null };
  return [
    tenant.insert(recordsFiles, {
      id: fileId,
      requestId: request.id,
      kind: 'authorization',
      fileName: 'Authorization signed online.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.bytes.byteLength,
      sha256: toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(pdf.bytes)))),
      storageKey: pdf.key,
      uploadedBy: null,
      createdAt: now,
    }),
    update,
    entry,
    audit.statement({
      action: 'update',
      entityType: 'records_request',
      entityId: request.id,
      detail: {
        authorization: 'signed_online',
        submissionId: submission.id,
        fileId,
        complete: !missing.length,
        patientId: request.patientId,
      },
    }),
  ];
}
