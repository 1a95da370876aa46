import { identifiesSomething } from '../../../shared/page-identifiers';
import type { PageMatchRequest } from '../../../shared/schemas/page-matches';
import type { PageIdentifiers } from '../../page-reading/identifiers';

// The API's limits (shared/schemas/page-matches.ts): a longer value would be refused, not matched.
// The administrator's name is read for the facility wizard, never sent to match.
const LIMITS: Record<keyof PageMatchRequest, number> = {
  firstName: 80,
  lastName: 80,
  dateOfBirth: 10,
  mrn: 40,
  residentNumber: 40,
  phone: 40,
  email: 254,
  roomNumber: 20,
  facilityName: 200,
  addressLine1: 200,
  city: 100,
  state: 40,
  postalCode: 20,
};

/** The match request for what a page said, or null when it says nothing the server can match on. */
export function matchRequestOf(ids: PageIdentifiers): PageMatchRequest | null {
  const request: PageMatchRequest = {};
  for (const [field, max] of Object.entries(LIMITS) as [keyof PageMatchRequest, number][]) {
    const value = ids[field]?.trim();
    if (value && value.length <= max) request[field] = value;
  }
  return identifiesSomething(request) ? request : null;
}
