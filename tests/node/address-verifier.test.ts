import { describe, expect, it } from 'vitest';
import { offlineAddressVerifier } from '../../worker/services/address/offline-verifier';
import { smartyAddressVerifier } from '../../worker/services/address/smarty-verifier';

const verify = (address: {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
}) => offlineAddressVerifier.verify(address);

describe('offline address verifier', () => {
  it('normalises casing, abbreviations and state names, and lists what it changed', async () => {
    const result = await verify({
      line1: '1200 north lamar boulevard',
      line2: 'suite 4b',
      city: 'AUSTIN',
      state: 'Texas',
      postalCode: '78703',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.address).toMatchObject({
      line1: '1200 N Lamar Blvd',
      line2: 'Ste 4B',
      city: 'Austin',
      state: 'TX',
      postalCode: '78703',
    });
    expect(result.address.verification.provider).toBe('offline');
    expect(result.address.verification.corrections).toContain('state: "Texas" → "TX"');
  });

  it.each([
    [{ state: 'ZZ' }, 'address.state', '"ZZ" is not a US state or territory code'],
    [{ postalCode: '7870' }, 'address.postalCode', 'A ZIP code has 5 digits, or 5+4 like 78701-1234'],
    [{ postalCode: '10001' }, 'address.postalCode', 'ZIP 10001 belongs to New York, not Texas'],
    [{ line1: 'Main Street' }, 'address.line1', 'The street address needs a building number'],
  ])('refuses %j', async (change, path, issue) => {
    const result = await verify({
      line1: '500 Main St',
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      ...change,
    });
    expect(result).toEqual({ ok: false, problems: [{ path, issue }] });
  });

  it('accepts ZIP+4 and the prefixes states share', async () => {
    expect(
      (await verify({ line1: '1 Federal Plz', city: 'El Paso', state: 'tx', postalCode: '88510-1234' })).ok,
    ).toBe(true);
    expect(
      (await verify({ line1: '2 Hill Rd', city: 'Washington', state: 'DC', postalCode: '20001' })).ok,
    ).toBe(true);
  });
});

describe('Smarty address verifier (the provider is outside our stack, so its HTTP answers are canned)', () => {
  const input = { line1: '1 Infinite Loop', city: 'Cupertino', state: 'CA', postalCode: '95014' };
  const answer =
    (body: unknown, status = 200) =>
    async () =>
      new Response(JSON.stringify(body), { status });

  it('accepts a confirmed delivery point and takes the provider’s spelling', async () => {
    const verifier = smartyAddressVerifier(
      'id',
      'token',
      answer([
        {
          delivery_line_1: '1 Infinite Loop',
          components: {
            city_name: 'Cupertino',
            state_abbreviation: 'CA',
            zipcode: '95014',
            plus4_code: '2083',
          },
          analysis: { dpv_match_code: 'Y' },
        },
      ]),
    );
    const result = await verifier.verify(input);
    expect(result).toMatchObject({
      ok: true,
      address: { postalCode: '95014-2083', verification: { provider: 'smarty' } },
    });
  });

  it('refuses an address the postal service does not know', async () => {
    const result = await smartyAddressVerifier('id', 'token', answer([])).verify(input);
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'address' }] });
  });

  it('reports the service as unavailable rather than the address as wrong', async () => {
    expect(await smartyAddressVerifier('id', 'token', answer({}, 503)).verify(input)).toEqual({
      ok: false,
      unavailable: 'The address service answered 503',
    });
    const offline = smartyAddressVerifier('id', 'token', async () => {
      throw new TypeError('network down');
    });
    expect(await offline.verify(input)).toEqual({
      ok: false,
      unavailable: 'The address service could not be reached',
    });
  });
});
