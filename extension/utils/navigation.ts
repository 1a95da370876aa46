export type AreaId =
  | 'facilities'
  | 'patients'
  | 'leads'
  | 'intake'
  | 'referrals'
  | 'records'
  | 'automations'
  | 'members'
  | 'audit';

export type NavItem = { id: AreaId; label: string; permission: string };

/**
 * Every area of the product that works, in the order staff meet them; each shows
 * only with its view permission. An area joins this list when it works (never as
 * placeholder text), with its component in `features/shell/areas.tsx`.
 */
export const NAV_ITEMS: NavItem[] = [
  {
    id: 'facilities',
    label: 'Facilities',
    permission: 'facilities:view',
  },
  {
    id: 'patients',
    label: 'Patients',
    permission: 'patients:view',
  },
  {
    id: 'leads',
    label: 'Leads',
    permission: 'leads:view',
  },
  {
    id: 'intake',
    label: 'Intake',
    permission: 'intake:view',
  },
  {
    id: 'referrals',
    label: 'Referrals',
    permission: 'referrals:view',
  },
  {
    id: 'records',
    label: 'Records',
    permission: 'records:view',
  },
  {
    id: 'automations',
    label: 'Automations',
    permission: 'automations:view',
  },
  {
    id: 'members',
    label: 'Members',
    permission: 'users:view',
  },
  { id: 'audit', label: 'Audit', permission: 'audit:view' },
];

export function visibleAreas(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
