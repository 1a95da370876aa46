import { describe, expect, it } from 'vitest';
import {
  AREAS,
  type Area,
  hasPermission,
  LEVELS,
  type Level,
  type Permission,
  ROLES,
  type Role,
  SPECIAL_PERMISSIONS,
} from '../../shared/permissions';
import { api, loginAs } from './helpers';

// The expected matrix, written out by hand from spec 001 ("User Roles &
// Permissions", "Special Permissions") and ARCHITECTURE.md for the areas the
// spec leaves open, so the implementation is checked against the documents,
// not against itself. Columns: facilities patients leads intake referrals records automations users audit.
const F = 'full';
const E = 'edit';
const V = 'view';
const _ = null;
const MATRIX: Record<Role, (Level | null)[]> = {
  super_admin: [F, F, F, F, F, F, F, F, F],
  clinic_admin: [F, F, F, F, F, F, F, F, F],
  doctor: [V, E, V, V, V, V, _, _, _],
  clinical_staff: [V, E, V, V, V, V, _, _, _],
  front_desk: [V, E, E, F, E, E, _, _, _],
  treatment_coordinator: [V, E, F, F, E, V, _, _, _],
  billing: [V, V, V, V, V, V, _, _, _],
  read_only: [V, V, V, V, V, V, _, _, _],
  facility_admin: [E, E, _, _, _, _, _, _, _],
  provider: [V, E, _, V, _, V, _, _, _],
};

const SPECIAL: Record<(typeof SPECIAL_PERMISSIONS)[number], Role[]> = {
  'lead:create': ['super_admin', 'clinic_admin', 'front_desk', 'treatment_coordinator'],
  'lead:assign': ['super_admin', 'clinic_admin', 'treatment_coordinator'],
  'lead:convert': ['super_admin', 'clinic_admin', 'treatment_coordinator', 'front_desk'],
  'intake:configure': ['super_admin', 'clinic_admin'],
  'intake:view_submissions': [
    'super_admin',
    'clinic_admin',
    'doctor',
    'clinical_staff',
    'front_desk',
    'treatment_coordinator',
    'provider',
  ],
  'referral:manage_providers': ['super_admin', 'clinic_admin'],
  'referral:send_letters': ['super_admin', 'clinic_admin', 'front_desk', 'treatment_coordinator'],
  'records:authorize': ['super_admin', 'clinic_admin', 'doctor'],
  'records:prepare': ['super_admin', 'clinic_admin', 'front_desk'],
  'enrollment:override': ['super_admin', 'clinic_admin', 'doctor'],
  'facility:documents': ROLES.filter((r) => r !== 'facility_admin'),
  'checklist:facility': ['super_admin', 'clinic_admin', 'facility_admin'],
  'facility:demand': ROLES.filter((r) => r !== 'provider'),
};

const rank = (level: Level | null) => (level ? LEVELS.indexOf(level) : -1);

describe('the role and permission matrix', () => {
  const cases: [Role, Permission, boolean][] = [];
  for (const role of ROLES) {
    AREAS.forEach((area: Area, column) => {
      for (const level of LEVELS)
        cases.push([role, `${area}:${level}`, rank(MATRIX[role][column]!) >= rank(level)]);
    });
    for (const special of SPECIAL_PERMISSIONS) cases.push([role, special, SPECIAL[special].includes(role)]);
  }

  it.each(cases)('%s has %s: %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected);
  });
});

describe('routes enforce the matrix for every role', () => {
  it.each(ROLES.map((r) => [r]))('%s', async (role) => {
    const token = await loginAs(role);
    const me = await api('/api/v1/me', { token });
    expect(me.json.role).toBe(role);

    const members = await api('/api/v1/members', { token });
    expect(members.status).toBe(hasPermission(role, 'users:view') ? 200 : 403);
    const audit = await api('/api/v1/audit', { token });
    expect(audit.status).toBe(hasPermission(role, 'audit:view') ? 200 : 403);
    const invite = await api('/api/v1/invitations', {
      token,
      body: { email: `from-${role}@example.test`, role: 'read_only' },
    });
    expect(invite.status).toBe(hasPermission(role, 'users:full') ? 201 : 403);
    if (invite.status === 403) expect(invite.json.error.code).toBe('forbidden');
  });
});
