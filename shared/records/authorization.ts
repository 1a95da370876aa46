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
      checkedBy: string;
      checkedAt: string;
    };

/** What is missing, in the requester's terms; empty when the request may be approved on `today`. */
export function missingForRelease(
  check: AuthorizationCheck | null,
  requesterKind: 'patient' | 'third_party',
  today: string,
): string[] {
  if (requesterKind === 'patient')
    return check?.kind === 'identity' ? [] : ["verification of the patient's identity"];
  if (check?.kind !== 'authorization') return ['a signed authorization'];
  const missing: string[] = AUTHORIZATION_ELEMENTS.filter((e) => !check.elements.includes(e)).map(
    (e) => ELEMENT_LABELS[e],
  );
  if (check.signedByRepresentative && !check.representativeAuthority)
    missing.push(ELEMENT_LABELS.representative_authority);
  if (check.expiresOn && check.expiresOn < today)
    missing.push(`an authorization that has not expired (it expired ${check.expiresOn})`);
  return missing;
}
