import { describe, expect, it } from 'vitest';
import { visibleAreas } from '../../extension/utils/navigation';
import { originPattern, parseServerUrl } from '../../extension/utils/server-url';
import { permissionsFor } from '../../shared/permissions';

describe('navigation follows the permission table', () => {
  // Only areas that work are offered (no tab of placeholder text).
  it.each([
    [
      'clinic_admin',
      [
        'Facilities',
        'Patients',
        'Leads',
        'Intake',
        'Referrals',
        'Records',
        'Automations',
        'Members',
        'Audit',
      ],
    ],
    ['treatment_coordinator', ['Facilities', 'Patients', 'Leads', 'Intake', 'Referrals', 'Records']],
    ['facility_admin', ['Facilities', 'Patients']],
    ['provider', ['Facilities', 'Patients', 'Intake', 'Records']],
  ] as const)('%s sees %j', (role, labels) => {
    expect(visibleAreas(permissionsFor(role)).map((a) => a.label)).toEqual(labels);
  });
});

describe('server address', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['  https://crm.example.com/ ', 'https://crm.example.com'],
    ['http://localhost:9000', 'http://localhost:9000'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseServerUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['crm.example.com', 'Enter a full address, such as https://crm.example.com'],
    ['ftp://crm.example.com', 'The address must start with https:// or http://'],
    ['https://crm.example.com/api', 'Enter only the server address, without a path'],
    ['https://me:pw@crm.example.com', 'The address must not contain a user name or password'],
    ['http://crm.example.com', 'Use https:// for a server that is not on this computer'],
  ])('refuses %s', (input, error) => {
    expect(parseServerUrl(input)).toEqual({ ok: false, error });
  });

  it('asks for the host permission of that origin only, without the port', () => {
    expect(originPattern('https://crm.example.com:8443')).toBe('https://crm.example.com/*');
  });
});
