import { describe, expect, it } from 'vitest';
import { consentKindOf, signerRelationshipOf } from '../../shared/consents';
import { INTAKE_BLOCKS } from '../../shared/intake/blocks';

describe('what a consent was about', () => {
  it("names each of the starter form's four consents", () => {
    const ids = INTAKE_BLOCKS.consent
      .build('consent')
      .fields.filter((f) => f.type === 'consent')
      .map((f) => consentKindOf(f.id));
    expect(ids).toEqual(['treatment', 'general', 'photo_marketing', 'financial']);
  });

  it("reads a practice's own field ids by the same words, and anything else as a consent", () => {
    expect(consentKindOf('Imaging_For_Marketing')).toBe('photo_marketing');
    expect(consentKindOf('payment_plan')).toBe('financial');
    expect(consentKindOf('hipaa_ack')).toBe('other');
  });
});

describe('who signed, in relation to the patient', () => {
  it('is the patient when no guardian signed, a parent or guardian by their words, otherwise a representative', () => {
    expect(signerRelationshipOf(undefined)).toBe('self');
    expect(signerRelationshipOf(null)).toBe('self');
    expect(signerRelationshipOf('Mother')).toBe('parent');
    expect(signerRelationshipOf(' step-dad ')).toBe('parent');
    expect(signerRelationshipOf('Legal guardian')).toBe('guardian');
    expect(signerRelationshipOf('Grandmother')).toBe('representative');
    expect(signerRelationshipOf('Aunt')).toBe('representative');
  });
});
