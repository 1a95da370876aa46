/**
 * The one role and permission table. The worker enforces it on every route;
 * the side panel reads the same list (from GET /api/v1/me) to hide what a role
 * cannot do. Levels are cumulative: `full` implies `edit` implies `view`.
 */
export const ROLES = [
  'super_admin',
  'clinic_admin',
  'doctor',
  'clinical_staff',
  'front_desk',
  'treatment_coordinator',
  'billing',
  'read_only',
  'facility_admin',
  'provider',
] as const;
export type Role = (typeof ROLES)[number];

export const AREAS = [
  'facilities',
  'patients',
  'leads',
  'intake',
  'referrals',
  'records',
  'automations',
  'users',
  'audit',
] as const;
export type Area = (typeof AREAS)[number];

export const LEVELS = ['view', 'edit', 'full'] as const;
export type Level = (typeof LEVELS)[number];

/** The special permissions of spec 001, plus the ones later issues need. */
export const SPECIAL_PERMISSIONS = [
  'lead:create',
  'lead:assign',
  'lead:convert',
  'intake:configure',
  'intake:view_submissions',
  'referral:manage_providers',
  'referral:send_letters',
  'records:authorize',
  'records:prepare',
  'enrollment:override',
  /** See and download a facility's legal documents (not granted to facility administrators). */
  'facility:documents',
  /**
   * Shape a facility's own checklist (facility administrators: of their
   * facilities). The organisation's checklist needs `patients:full`.
   */
  'checklist:facility',
  /**
   * Demand planning: services per facility, category and month (facility
   * administrators see their own facilities; providers, who treat rather than plan, do not).
   */
  'facility:demand',
] as const;
export type SpecialPermission = (typeof SPECIAL_PERMISSIONS)[number];

export type AreaPermission = `${Area}:${Level}`;
export type Permission = AreaPermission | SpecialPermission;

type Grant = { areas: Partial<Record<Area, Level>>; special: readonly SpecialPermission[] };

const VIEW_ONLY: Grant = {
  areas: {
    facilities: 'view',
    patients: 'view',
    leads: 'view',
    intake: 'view',
    referrals: 'view',
    records: 'view',
  },
  special: ['facility:documents', 'facility:demand'],
};

const ALL_FULL = Object.fromEntries(AREAS.map((a) => [a, 'full'])) as Record<Area, Level>;

/**
 * Leads, intake, referrals and records follow the matrix of spec 001 exactly.
 * Facilities, patients, automations, users and audit are our decision
 * (ARCHITECTURE.md, "Roles"): clinicians and coordinators edit patients,
 * only administrators manage users and read the audit trail.
 */
export const ROLE_GRANTS: Record<Role, Grant> = {
  super_admin: { areas: ALL_FULL, special: SPECIAL_PERMISSIONS },
  clinic_admin: { areas: ALL_FULL, special: SPECIAL_PERMISSIONS },
  doctor: {
    areas: {
      facilities: 'view',
      patients: 'edit',
      leads: 'view',
      intake: 'view',
      referrals: 'view',
      records: 'view',
    },
    special: [
      'facility:documents',
      'facility:demand',
      'intake:view_submissions',
      'records:authorize',
      'enrollment:override',
    ],
  },
  clinical_staff: {
    areas: {
      facilities: 'view',
      patients: 'edit',
      leads: 'view',
      intake: 'view',
      referrals: 'view',
      records: 'view',
    },
    special: ['facility:documents', 'facility:demand', 'intake:view_submissions'],
  },
  front_desk: {
    areas: {
      facilities: 'view',
      patients: 'edit',
      leads: 'edit',
      intake: 'full',
      referrals: 'edit',
      records: 'edit',
    },
    special: [
      'facility:documents',
      'facility:demand',
      'lead:create',
      'lead:convert',
      'intake:view_submissions',
      'referral:send_letters',
      'records:prepare',
    ],
  },
  treatment_coordinator: {
    areas: {
      facilities: 'view',
      patients: 'edit',
      leads: 'full',
      intake: 'full',
      referrals: 'edit',
      records: 'view',
    },
    special: [
      'facility:documents',
      'facility:demand',
      'lead:create',
      'lead:assign',
      'lead:convert',
      'intake:view_submissions',
      'referral:send_letters',
    ],
  },
  billing: VIEW_ONLY,
  read_only: VIEW_ONLY,
  // An outside facility's administrator: sees only the facilities attached to the membership.
  facility_admin: {
    areas: { facilities: 'edit', patients: 'edit' },
    special: ['checklist:facility', 'facility:demand'],
  },
  provider: {
    areas: { facilities: 'view', patients: 'edit', intake: 'view', records: 'view' },
    special: ['facility:documents', 'intake:view_submissions'],
  },
};

export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  clinic_admin: 'Clinic admin',
  doctor: 'Doctor',
  clinical_staff: 'Clinical staff',
  front_desk: 'Front desk',
  treatment_coordinator: 'Treatment coordinator',
  billing: 'Billing',
  read_only: 'Read only',
  facility_admin: 'Facility admin',
  provider: 'Provider',
};

/** Every permission a role holds, levels expanded (`edit` also lists `view`). */
export function permissionsFor(role: Role): Permission[] {
  const grant = ROLE_GRANTS[role];
  const out: Permission[] = [];
  for (const area of AREAS) {
    const level = grant.areas[area];
    if (!level) continue;
    for (const l of LEVELS.slice(0, LEVELS.indexOf(level) + 1)) out.push(`${area}:${l}`);
  }
  return [...out, ...grant.special];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return permissionsFor(role).includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
