import type { AddressInput } from '../../../shared/schemas/facilities';
import { iso } from '../../lib/time';
import type { AddressProblem, AddressVerifier, VerificationResult } from './address-verifier';
import { stateCode, US_STATES } from './us-states';
import { statesForZip } from './zip-prefixes';

// USPS Publication 28 suffixes and unit designators people most often spell out.
const ABBREVIATIONS: Record<string, string> = {
  street: 'St',
  avenue: 'Ave',
  road: 'Rd',
  boulevard: 'Blvd',
  drive: 'Dr',
  lane: 'Ln',
  court: 'Ct',
  place: 'Pl',
  circle: 'Cir',
  highway: 'Hwy',
  parkway: 'Pkwy',
  terrace: 'Ter',
  square: 'Sq',
  trail: 'Trl',
  way: 'Way',
  north: 'N',
  south: 'S',
  east: 'E',
  west: 'W',
  northeast: 'NE',
  northwest: 'NW',
  southeast: 'SE',
  southwest: 'SW',
  suite: 'Ste',
  apartment: 'Apt',
  building: 'Bldg',
  floor: 'Fl',
  room: 'Rm',
  unit: 'Unit',
};
const KEEP_UPPER = new Set(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW', 'PO']);

function titleWord(word: string): string {
  const bare = word.replace(/[.,]/g, '');
  const abbreviation = ABBREVIATIONS[bare.toLowerCase()];
  if (abbreviation) return abbreviation;
  if (KEEP_UPPER.has(bare.toUpperCase())) return bare.toUpperCase();
  if (/\d/.test(bare)) return bare.toUpperCase(); // 12B, 3RD
  return bare.charAt(0).toUpperCase() + bare.slice(1).toLowerCase();
}

/** A street line in Publication 28 form: "1200 orchard lane" → "1200 Orchard Ln". */
export const streetCase = (line: string) => line.trim().split(/\s+/).map(titleWord).join(' ');
const cityCase = (city: string) =>
  city
    .trim()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');

/**
 * Works with no network: the state must be a USPS code (or its name), the ZIP
 * five or nine digits, and the ZIP's prefix must belong to that state. Casing
 * and common words are normalised, and every change is reported.
 */
export const offlineAddressVerifier: AddressVerifier = {
  name: 'offline',
  async verify(input: AddressInput): Promise<VerificationResult> {
    const problems: AddressProblem[] = [];
    const state = stateCode(input.state);
    if (!state)
      problems.push({ path: 'address.state', issue: `"${input.state}" is not a US state or territory code` });
    const zip = input.postalCode.trim();
    if (!/^\d{5}(-\d{4})?$/.test(zip)) {
      problems.push({ path: 'address.postalCode', issue: 'A ZIP code has 5 digits, or 5+4 like 78701-1234' });
    } else if (state) {
      const zipStates = statesForZip(zip);
      if (zipStates.length === 0)
        problems.push({
          path: 'address.postalCode',
          issue: `No state uses ZIP codes starting ${zip.slice(0, 3)}`,
        });
      else if (!zipStates.includes(state)) {
        problems.push({
          path: 'address.postalCode',
          issue: `ZIP ${zip} belongs to ${zipStates.map((s) => US_STATES[s]).join(' or ')}, not ${US_STATES[state]}`,
        });
      }
    }
    if (!/\d/.test(input.line1) && !/^p\.?\s*o\.?\s+box/i.test(input.line1)) {
      problems.push({ path: 'address.line1', issue: 'The street address needs a building number' });
    }
    if (problems.length) return { ok: false, problems };

    const address = {
      line1: streetCase(input.line1),
      line2: input.line2?.trim() ? streetCase(input.line2) : null,
      city: cityCase(input.city),
      state: state!,
      postalCode: zip,
    };
    const corrections: string[] = [];
    if (address.line1 !== input.line1.trim())
      corrections.push(`line1: "${input.line1.trim()}" → "${address.line1}"`);
    if ((address.line2 ?? '') !== (input.line2?.trim() ?? ''))
      corrections.push(`line2: "${input.line2?.trim()}" → "${address.line2}"`);
    if (address.city !== input.city.trim())
      corrections.push(`city: "${input.city.trim()}" → "${address.city}"`);
    if (address.state !== input.state.trim())
      corrections.push(`state: "${input.state.trim()}" → "${address.state}"`);
    return {
      ok: true,
      address: { ...address, verification: { provider: 'offline', verifiedAt: iso(), corrections } },
    };
  },
};
