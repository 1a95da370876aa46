import type { Bindings } from '../../env';
import type { AddressVerifier } from './address-verifier';
import { offlineAddressVerifier } from './offline-verifier';
import { smartyAddressVerifier } from './smarty-verifier';

/** ADDRESS_VERIFIER chooses: `offline` (default) or `smarty` (needs SMARTY_AUTH_ID and SMARTY_AUTH_TOKEN). */
export function addressVerifierFor(env: Bindings): AddressVerifier {
  if (env.ADDRESS_VERIFIER === 'smarty') {
    if (!env.SMARTY_AUTH_ID || !env.SMARTY_AUTH_TOKEN)
      throw new Error('ADDRESS_VERIFIER=smarty needs SMARTY_AUTH_ID and SMARTY_AUTH_TOKEN');
    return smartyAddressVerifier(env.SMARTY_AUTH_ID, env.SMARTY_AUTH_TOKEN);
  }
  return offlineAddressVerifier;
}
