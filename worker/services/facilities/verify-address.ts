import type { Address, AddressInput } from '../../../shared/schemas/facilities';
import type { AddressVerifier } from '../address/address-verifier';
import { verifiedAddressColumns } from './facility-rules';

/** Checks and normalises an address before it is saved: the very check saving runs. */
export async function verifyAddress(verifier: AddressVerifier, input: AddressInput): Promise<Address> {
  const a = await verifiedAddressColumns(verifier, input);
  return {
    line1: a.addressLine1,
    line2: a.addressLine2,
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
    verification: a.addressVerification,
  };
}
