import type { AddressInput } from '../../../shared/schemas/facilities';
import { iso } from '../../lib/time';
import type { AddressVerifier, VerificationResult } from './address-verifier';

type Candidate = {
  delivery_line_1: string;
  delivery_line_2?: string;
  components: { city_name: string; state_abbreviation: string; zipcode: string; plus4_code?: string };
  analysis: { dpv_match_code?: string };
};

/**
 * Smarty's US Street Address API (public HTTP API; keys are wrangler secrets).
 * A confirmed delivery point (DPV match Y, S or D) counts as verified.
 */
export function smartyAddressVerifier(
  authId: string,
  authToken: string,
  fetcher: typeof fetch = fetch,
): AddressVerifier {
  return {
    name: 'smarty',
    async verify(input: AddressInput): Promise<VerificationResult> {
      const url = new URL('https://us-street.api.smarty.com/street-address');
      url.search = new URLSearchParams({
        'auth-id': authId,
        'auth-token': authToken,
        street: input.line1,
        secondary: input.line2 ?? '',
        city: input.city,
        state: input.state,
        zipcode: input.postalCode,
        candidates: '1',
        match: 'strict',
      }).toString();
      let candidates: Candidate[];
      try {
        const res = await fetcher(url);
        if (!res.ok) return { ok: false, unavailable: `The address service answered ${res.status}` };
        candidates = (await res.json()) as Candidate[];
      } catch {
        return { ok: false, unavailable: 'The address service could not be reached' };
      }
      const best = candidates[0];
      if (!best || !['Y', 'S', 'D'].includes(best.analysis.dpv_match_code ?? '')) {
        return {
          ok: false,
          problems: [
            {
              path: 'address',
              issue: 'The postal service does not know this address; check the street, number and ZIP',
            },
          ],
        };
      }
      const c = best.components;
      return {
        ok: true,
        address: {
          line1: best.delivery_line_1,
          line2: best.delivery_line_2 ?? null,
          city: c.city_name,
          state: c.state_abbreviation,
          postalCode: c.plus4_code ? `${c.zipcode}-${c.plus4_code}` : c.zipcode,
          verification: { provider: 'smarty', verifiedAt: iso(), corrections: [] },
        },
      };
    },
  };
}
