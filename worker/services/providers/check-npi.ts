import { isValidNpi } from '../../../shared/npi';
import type { NpiCheck } from '../../../shared/schemas/providers';
import { lookupNpi } from './nppes';

/** An NPI's check digit; only a valid one is looked up in the NPPES registry. */
export async function checkNpi(npi: string, registryUrl: string | undefined): Promise<NpiCheck> {
  const valid = isValidNpi(npi);
  return { valid, registry: valid ? await lookupNpi(npi, { baseUrl: registryUrl }) : null };
}
