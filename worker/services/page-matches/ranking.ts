import { nameKey, nameKeyPart } from '../../../shared/roster/names';
import type { PageMatchRequest } from '../../../shared/schemas/page-matches';
import { streetCase } from '../address/offline-verifier';
import { facilityNameKey } from '../facilities/facility-view';
import { phoneKey } from '../leads/phone-key';

/** How strongly one identifier ties a record to the page, and the words that say so. */
export type Signal = { points: number; reason: string };

/** The request's identifiers in the forms the tables keep them in. */
export function keysOf(input: PageMatchRequest) {
  const records = [input.mrn, input.residentNumber]
    .filter((n): n is string => !!n)
    .map((n) => n.trim().toLowerCase());
  return {
    name: input.firstName && input.lastName ? nameKey(input.firstName, input.lastName) : null,
    lastName: input.lastName ? nameKeyPart(input.lastName) : null,
    dateOfBirth: input.dateOfBirth ?? null,
    records: [...new Set(records)],
    phone: phoneKey(input.phone),
    email: input.email ?? null,
    facilityName: input.facilityName ? facilityNameKey(input.facilityName) : null,
    postalCode: input.postalCode?.slice(0, 5) ?? null,
    street: input.addressLine1 ? streetKey(input.addressLine1) : null,
    room: input.roomNumber?.trim().toLowerCase() ?? null,
  };
}
export type MatchKeys = ReturnType<typeof keysOf>;

/** "1200 Orchard Lane" and "1200 ORCHARD LN." are one street: compared in Publication 28 form. */
export const streetKey = (line: string) =>
  streetCase(line)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export const scoreOf = (signals: Signal[]) =>
  Math.min(
    100,
    signals.reduce((sum, s) => sum + s.points, 0),
  );

/** A patient: a record number or name with date of birth is near certain; a name alone is a hint. */
export function patientSignals(
  keys: MatchKeys,
  p: {
    nameKey: string;
    dateOfBirth: string;
    mrn: string | null;
    roomNumber: string | null;
    facilityName: string;
  },
): Signal[] {
  const signals: Signal[] = [];
  if (p.mrn && keys.records.includes(p.mrn.toLowerCase()))
    signals.push({ points: 60, reason: 'same MRN or resident number' });
  const sameName = !!keys.name && p.nameKey === keys.name;
  const sameLast = !!keys.lastName && p.nameKey.startsWith(`${keys.lastName}|`);
  const sameBirth = !!keys.dateOfBirth && p.dateOfBirth === keys.dateOfBirth;
  if (sameName && sameBirth) signals.push({ points: 50, reason: 'same name and date of birth' });
  else if (sameLast && sameBirth) signals.push({ points: 35, reason: 'same last name and date of birth' });
  else if (sameName) signals.push({ points: 20, reason: 'same name' });
  if (keys.facilityName && facilityNameKey(p.facilityName) === keys.facilityName)
    signals.push({ points: 10, reason: `at ${p.facilityName}` });
  if (signals.length && keys.room && p.roomNumber?.toLowerCase() === keys.room)
    signals.push({ points: 5, reason: 'same room' });
  return signals;
}

export function leadSignals(
  keys: MatchKeys,
  l: { nameKey: string; dateOfBirth: string | null; email: string | null; phoneKey: string | null },
): Signal[] {
  const signals: Signal[] = [];
  if (keys.email && l.email === keys.email) signals.push({ points: 50, reason: 'same email' });
  if (keys.phone && l.phoneKey === keys.phone) signals.push({ points: 40, reason: 'same phone' });
  const sameName = !!keys.name && l.nameKey === keys.name;
  if (sameName && keys.dateOfBirth && l.dateOfBirth === keys.dateOfBirth)
    signals.push({ points: 50, reason: 'same name and date of birth' });
  else if (sameName) signals.push({ points: 20, reason: 'same name' });
  return signals;
}

export function facilitySignals(
  keys: MatchKeys,
  f: { nameKey: string; addressLine1: string; postalCode: string; phone: string | null },
): Signal[] {
  const signals: Signal[] = [];
  if (keys.facilityName && f.nameKey === keys.facilityName) signals.push({ points: 60, reason: 'same name' });
  if (
    keys.street &&
    keys.postalCode &&
    f.postalCode.startsWith(keys.postalCode) &&
    streetKey(f.addressLine1) === keys.street
  )
    signals.push({ points: 40, reason: 'same address' });
  if (keys.phone && phoneKey(f.phone) === keys.phone) signals.push({ points: 30, reason: 'same phone' });
  return signals;
}
