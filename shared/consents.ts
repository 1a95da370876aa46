/**
 * What a consent given on an intake form was about, and who gave it, in the
 * words staff read on the patient's and the lead's pages (spec 001, consent
 * requirements: treatment apart from general consent, photos for marketing,
 * the financial agreement; a guardian consents for a minor).
 */

export const CONSENT_KINDS = ['treatment', 'general', 'photo_marketing', 'financial', 'other'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  treatment: 'Treatment consent',
  general: 'General consent',
  photo_marketing: 'Photos and images for marketing',
  financial: 'Financial agreement',
  other: 'Consent',
};

export const SIGNER_RELATIONSHIPS = ['self', 'parent', 'guardian', 'representative'] as const;
export type SignerRelationship = (typeof SIGNER_RELATIONSHIPS)[number];

export const SIGNER_RELATIONSHIP_LABELS: Record<SignerRelationship, string> = {
  self: 'self',
  parent: 'parent',
  guardian: 'guardian',
  representative: 'representative',
};

// The starter form's consent fields end in these words (shared/intake/blocks.ts);
// a practice's own fields are matched on the same words in their ids.
const KIND_PATTERNS: [ConsentKind, RegExp][] = [
  ['photo_marketing', /photo|imag|marketing/],
  ['financial', /financ|billing|payment/],
  ['treatment', /treatment/],
  ['general', /general|privacy/],
];

/** The kind of a consent field, from its id (`consent_photos` → photo_marketing). */
export function consentKindOf(fieldId: string): ConsentKind {
  const id = fieldId.toLowerCase();
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(id))?.[0] ?? 'other';
}

const PARENT = /\b(parent|mother|father|mom|mum|dad|stepmother|stepfather|stepmom|stepdad)\b/;
const GUARDIAN = /\bguardian\b/;

/**
 * The signer's standing from the relationship a guardian typed ("Father" →
 * parent, "Legal guardian" → guardian); anyone else signing for the patient is
 * their representative. No guardian named: the patient signed for themself.
 */
export function signerRelationshipOf(guardianRelationship: string | null | undefined): SignerRelationship {
  if (guardianRelationship == null) return 'self';
  const text = guardianRelationship.trim().toLowerCase();
  if (GUARDIAN.test(text)) return 'guardian';
  if (PARENT.test(text)) return 'parent';
  return 'representative';
}
