import { describe, expect, it } from 'vitest';
import { signedBy } from '../../extension/features/intake/signed-by';

describe('who signed a submitted form, in words', () => {
  it('names the guardian, their relationship and the person they sign for, never themselves', () => {
    const sig = { signerName: 'Gus Minor', guardian: { name: 'Gus Minor', relationship: 'Father' } };
    expect(signedBy(sig, 'Mina Minor')).toBe('Signed by Gus Minor (Father) for Mina Minor');
    expect(signedBy(sig, null)).toBe('Signed by Gus Minor (Father) for the patient');
  });

  it('says only the name when the person signs for themselves', () => {
    expect(signedBy({ signerName: 'Ada Stone', guardian: null }, 'ada stone')).toBe('Signed by Ada Stone');
    expect(signedBy({ signerName: 'Ada Stone' }, null)).toBe('Signed by Ada Stone');
  });
});
