import { api } from './helpers';

export const VALID_NPI = '1234567893';
export const address = { line1: '500 east main street', city: 'austin', state: 'TX', postalCode: '78701' };

export function providerBody(firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  return {
    firstName,
    lastName,
    credentials: 'DDS',
    email: `${firstName}.${lastName}@smiles.example`.toLowerCase(),
    practice: { name: `${lastName} Family Dental`, address, phone: '512-555-0100' },
    ...extra,
  };
}

/** A provider at a new practice in Austin; answers the created provider. */
export async function createProvider(
  token: string,
  firstName: string,
  lastName: string,
  extra: Record<string, unknown> = {},
) {
  const res = await api('/api/v1/referring-providers', {
    token,
    body: providerBody(firstName, lastName, extra),
  });
  if (res.status !== 201) throw new Error(`creating provider failed: ${res.status} ${res.text}`);
  return res.json as { id: string; displayName: string; practice: { id: string } };
}
