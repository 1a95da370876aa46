/**
 * What must be checked before records are released (spec 001, 8.4). A
 * patient's own request needs their identity verified; anyone else needs an
 * authorization with the core elements and statements of 45 CFR 164.508(c).
 */
export const IDENTITY_METHODS = [
  'photo_id_in_person',
  'photo_id_copy',
  'portal_account',
  'known_to_staff',
] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const IDENTITY_METHOD_LABELS: Record<IdentityMethod, string> = {
  photo_id_in_person: 'Photo ID seen in person',
  photo_id_copy: 'Copy of photo ID received',
  portal_account: 'Signed in to the patient portal',
  known_to_staff: 'Known to staff',
};

export const AUTHORIZATION_ELEMENTS = [
  'description',
  'discloser',
  'recipient',
  'purpose',
  'expiration',
  'signature_and_date',
  'revocation_statement',
  'conditioning_statement',
  'redisclosure_statement',
] as const;
export type AuthorizationElement = (typeof AUTHORIZATION_ELEMENTS)[number];

/** Each element in words the requester can act on when it is missing. */
export const ELEMENT_LABELS: Record<AuthorizationElement | 'representative_authority', string> = {
  description: 'a specific description of the information to be disclosed',
  discloser: 'who may make the disclosure',
  recipient: 'who may receive the information',
  purpose: 'the purpose of the disclosure',
  expiration: 'an expiration date or event',
  signature_and_date: "the patient's signature and the date",
  representative_authority: "the representative's authority to sign for the patient",
  revocation_statement: 'the statement of the right to revoke the authorization',
  conditioning_statement: 'the statement on conditioning treatment or payment on signing',
  redisclosure_statement: 'the statement that the information may be redisclosed by the recipient',
};

export type AuthorizationCheck =
  | { kind: 'identity'; method: IdentityMethod; checkedBy: string; checkedAt: string }
  | {
      kind: 'authorization';
      elements: AuthorizationElement[];
      signedByRepresentative: boolean;
      representativeAuthority: boolean;
      expiresOn: string | null;
      psychotherapyNotes: boolean;
      /** The member who checked it, or who sent the form when it was signed online. */
      checkedBy: string;
      checkedAt: string;
      /** Ticked from the form the patient signed online: its intake submission. */
      submissionId?: string;
    };

/** Record types that name psychotherapy notes are flagged for their separate authorization when the request is logged. */
export const namesProtectedRecords = (recordTypes: readonly string[]) =>
  recordTypes.some((t) => /psychotherap/i.test(t));

/** What is on file besides the check: the signed documents, and whether protected records are asked for. */
export type AuthorizationDocuments = {
  authorizationFile: boolean;
  protectedRecords: boolean;
  protectedAuthorizationFile: boolean;
};

const NO_AUTHORIZATION = 'a signed authorization';
const UNCHECKED_FORM = 'the signed authorization checked for every element HIPAA requires';
export const SIGNED_FORM_MISSING = 'a copy of the signed authorization form';
export const PROTECTED_FORM_MISSING =
  'a separate signed authorization for the psychotherapy notes (or other specially protected records), not combined with any other authorization';

/**
 * What is missing, in the requester's terms; empty when the request may be
 * approved on `today`. Anyone but the patient needs the signed form on file
 * as well as its elements checked (45 CFR 164.508(b)(1), (c)); psychotherapy
 * notes need an authorization of their own (164.508(a)(2), (b)(3)(ii)).
 */
export function missingForRelease(
  check: AuthorizationCheck | null,
  requesterKind: 'patient' | 'third_party',
  today: string,
  documents: AuthorizationDocuments,
): string[] {
  if (requesterKind === 'patient')
    return check?.kind === 'identity' ? [] : ["verification of the patient's identity"];
  const missing: string[] = [];
  if (check?.kind !== 'authorization')
    missing.push(documents.authorizationFile ? UNCHECKED_FORM : NO_AUTHORIZATION);
  else {
    missing.push(
      ...AUTHORIZATION_ELEMENTS.filter((e) => !check.elements.includes(e)).map((e) => ELEMENT_LABELS[e]),
    );
    if (check.signedByRepresentative && !check.representativeAuthority)
      missing.push(ELEMENT_LABELS.representative_authority);
    if (check.expiresOn && check.expiresOn < today)
      missing.push(`an authorization that has not expired (it expired ${check.expiresOn})`);
  }
  if (!documents.authorizationFile && check?.kind === 'authorization') missing.push(SIGNED_FORM_MISSING);
  if (documents.protectedRecords && !documents.protectedAuthorizationFile)
    missing.push(PROTECTED_FORM_MISSING);
  return missing;
}

/** What staff do about what is missing, for the refusal of an approval. */
export function approvalHint(missing: string[]): string {
  if (missing.includes(SIGNED_FORM_MISSING) || missing.includes(NO_AUTHORIZATION))
    return 'Upload the signed authorization on the request, or send the authorization form for the patient to sign online.';
  if (missing.includes(PROTECTED_FORM_MISSING))
    return 'Upload the separate signed authorization for the protected records on the request.';
  if (missing.includes("verification of the patient's identity"))
    return "Record how the patient's identity was verified.";
  if (missing.includes(UNCHECKED_FORM)) return 'Record the authorization check of the signed form on file.';
  return 'Record the authorization check again once the requester has sent what is missing.';
}
