import { and, eq, ne } from 'drizzle-orm';
import { facilities } from '../../../db/schema';
import type { AddressInput } from '../../../shared/schemas/facilities';
import { AppError } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';
import type { AddressVerifier } from '../address/address-verifier';
import { facilityNameKey } from './facility-view';

/** Names are unique per organisation, ignoring case and spacing (spec 000: "Duplicate facility name"). */
export async function assertNameFree(tenant: TenantDb, name: string, exceptId?: string, visible = true) {
  const [clash] = await tenant
    .select(
      facilities,
      and(eq(facilities.nameKey, facilityNameKey(name)), exceptId ? ne(facilities.id, exceptId) : undefined),
    )
    .limit(1);
  // Someone who cannot see every facility (a facility admin) is not told which names exist.
  if (clash)
    throw new AppError(
      'conflict',
      visible
        ? `A facility named "${clash.name}" already exists`
        : 'That name is already taken; choose another',
    );
}

/** A facility cannot be saved with an unverified address (spec 000: "Address not verified"). */
export async function verifiedAddressColumns(verifier: AddressVerifier, input: AddressInput) {
  const result = await verifier.verify(input);
  if ('unavailable' in result) {
    throw new AppError(
      'unavailable',
      `The address could not be verified right now (${result.unavailable}). Try again shortly.`,
    );
  }
  if (!result.ok) {
    const first = result.problems[0];
    throw new AppError(
      'validation_failed',
      `The address could not be verified: ${first?.issue ?? 'check it and try again'}`,
      result.problems,
    );
  }
  const a = result.address;
  return {
    addressLine1: a.line1,
    addressLine2: a.line2,
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
    addressVerification: a.verification,
  };
}
