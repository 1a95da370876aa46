import { describe, expect, it } from 'vitest';
import type { IntakeSignatureRecord } from '../../db/schema';
import {
  AUTHORIZATION_FIELDS as F,
  recordsAuthorizationDefinition,
} from '../../shared/intake/records-authorization-form';
import { AUTHORIZATION_ELEMENTS } from '../../shared/records/authorization';
import { formDefinitionSchema } from '../../shared/schemas/intake';
import { checkFromSignedForm } from '../../worker/services/records/signed-authorization';

const signature: IntakeSignatureRecord = {
  fieldId: F.signature,
  kind: 'typed',
  signerName: 'Ann Adult',
  guardian: null,
  signedAt: '2026-01-05T10:00:00.000Z',
  ip: null,
  userAgent: null,
  consentTextHash: null,
  consentFieldIds: [],
};
const answers = {
  [F.discloser]: 'Demo Orthodontics',
  [F.description]: 'Visit notes',
  [F.recipient]: 'Dr. Quinn',
  [F.purpose]: 'Continuity of care',
  [F.expiryKind]: 'date',
  [F.expiresOn]: '2027-01-01',
  [F.revocation]: true,
  [F.conditioning]: true,
  [F.redisclosure]: true,
  [F.byRepresentative]: true,
  [F.representativeAuthority]: 'Health care power of attorney',
};
const facts = { sentBy: 'usr_1', signedAt: signature.signedAt, submissionId: 'isb_1' };

describe('the built-in authorization form', () => {
  it('is a definition the builder accepts', () => {
    expect(formDefinitionSchema.safeParse(recordsAuthorizationDefinition()).error).toBeUndefined();
  });

  it('ticks every element from a complete signed form, with the representative and their authority', () => {
    const check = checkFromSignedForm(recordsAuthorizationDefinition(), answers, [signature], facts);
    expect([...check.elements].sort()).toEqual([...AUTHORIZATION_ELEMENTS].sort());
    expect(check).toMatchObject({
      signedByRepresentative: true,
      representativeAuthority: true,
      expiresOn: '2027-01-01',
      submissionId: 'isb_1',
    });
  });

  it('does not tick what an edited form no longer asks, nor a signature that was not given', () => {
    const edited = recordsAuthorizationDefinition();
    edited.sections = edited.sections.map((s) => ({
      ...s,
      fields: s.fields.filter((f) => f.id !== F.redisclosure),
    }));
    const check = checkFromSignedForm(edited, answers, [], facts);
    expect(check.elements).not.toContain('redisclosure_statement');
    expect(check.elements).not.toContain('signature_and_date');
    expect(check.elements).toContain('revocation_statement');
  });
});
