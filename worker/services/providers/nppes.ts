/** What the public NPPES registry says about an NPI, or why we could not ask it. */
export type NppesLookup =
  | { found: true; name: string; credentials: string | null; specialty: string | null; phone: string | null }
  | { found: false; reason: 'not_found' | 'unreachable'; message: string };

type NppesResult = {
  enumeration_type?: string;
  basic?: { first_name?: string; last_name?: string; credential?: string; organization_name?: string };
  taxonomies?: { desc?: string; primary?: boolean }[];
  addresses?: { address_purpose?: string; telephone_number?: string }[];
};

export const NPPES_API_URL = 'https://npiregistry.cms.hhs.gov/api/';

/** The registry's public HTTP API (no key). Its address and the fetcher are injectable for tests. */
export async function lookupNpi(
  npi: string,
  options: { baseUrl?: string | undefined; fetcher?: typeof fetch } = {},
): Promise<NppesLookup> {
  const fetcher = options.fetcher ?? fetch;
  let body: { result_count?: number; results?: NppesResult[] };
  try {
    // A slow registry must not hold the person up: five seconds, then "enter by hand".
    const res = await fetcher(`${options.baseUrl ?? NPPES_API_URL}?version=2.1&number=${npi}`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok)
      return {
        found: false,
        reason: 'unreachable',
        message: `The NPI registry answered ${res.status}; enter the details by hand.`,
      };
    body = (await res.json()) as typeof body;
  } catch {
    return {
      found: false,
      reason: 'unreachable',
      message: 'The NPI registry could not be reached; enter the details by hand.',
    };
  }
  const r = body.results?.[0];
  if (!r)
    return {
      found: false,
      reason: 'not_found',
      message: 'The NPI registry has no provider with this number.',
    };
  const b = r.basic ?? {};
  const name = b.organization_name ?? [b.first_name, b.last_name].filter(Boolean).join(' ');
  const taxonomy = r.taxonomies?.find((t) => t.primary) ?? r.taxonomies?.[0];
  const phone = r.addresses?.find((a) => a.address_purpose === 'LOCATION')?.telephone_number ?? null;
  return { found: true, name, credentials: b.credential ?? null, specialty: taxonomy?.desc ?? null, phone };
}
