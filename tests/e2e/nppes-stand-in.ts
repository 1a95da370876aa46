import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The one provider the stand-in registry knows; any other number is "no such provider". */
export const REGISTERED_NPI = '1245319599';

/**
 * The public NPPES registry is an outside service and this machine has no
 * internet, so the browser tests give the worker a local registry that answers
 * in the registry's own v2.1 shape. The panel's lookup then shows what staff
 * see for a provider found and for one not listed, and no test depends on a
 * DNS lookup to npiregistry.cms.hhs.gov. (The "out of reach" answer is tested
 * against a closed port in the worker tests.)
 */
export async function startNppesStandIn() {
  const server = createServer((req, res) => {
    const number = new URL(req.url ?? '/', 'http://registry').searchParams.get('number');
    const results =
      number === REGISTERED_NPI
        ? [
            {
              enumeration_type: 'NPI-1',
              basic: { first_name: 'Ruth', last_name: 'Okafor', credential: 'MD' },
              taxonomies: [{ desc: 'Geriatric Medicine', primary: true }],
              addresses: [{ address_purpose: 'LOCATION', telephone_number: '503-555-0142' }],
            },
          ]
        : [];
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ result_count: results.length, results }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
