import type { AddressInput } from '../../../shared/schemas/facilities';

export type VerifiedAddress = {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
  verification: { provider: string; verifiedAt: string; corrections: string[] };
};

export type AddressProblem = { path: string; issue: string };

export type VerificationResult =
  | { ok: true; address: VerifiedAddress }
  | { ok: false; problems: AddressProblem[] }
  | { ok: false; unavailable: string };

/** One small port: the offline verifier and an HTTP provider both answer this. */
export type AddressVerifier = { name: string; verify(address: AddressInput): Promise<VerificationResult> };
