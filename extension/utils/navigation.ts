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

export type NavItem = { id: AreaId; label: string; permission: string; empty: string };

/** Every area of the product, in the order staff meet them; each shows only with its view permission. */
export const NAV_ITEMS: NavItem[] = [
  {
    id: 'facilities',
    label: 'Facilities',
    permission: 'facilities:view',
    empty: 'Facility onboarding arrives here: profiles, administrators, features and contracts.',
  },
  {
    id: 'patients',
    label: 'Patients',
    permission: 'patients:view',
    empty: 'Patients arrive here: add one by one or import a roster, then track enrollment.',
  },
  {
    id: 'leads',
    label: 'Leads',
    permission: 'leads:view',
    empty: 'Leads arrive here: capture from any page or email and follow them through your pipeline.',
  },
  {
    id: 'intake',
    label: 'Intake',
    permission: 'intake:view',
    empty: 'Intake forms arrive here: build a form, send it, and track completion.',
  },
  {
    id: 'referrals',
    label: 'Referrals',
    permission: 'referrals:view',
    empty: 'Referrals arrive here: referring providers and the patients they send.',
  },
  {
    id: 'records',
    label: 'Records',
    permission: 'records:view',
    empty: 'Records requests arrive here: incoming and outgoing transfers with due dates.',
  },
  {
    id: 'automations',
    label: 'Automations',
    permission: 'automations:view',
    empty: 'Automation rules and message templates arrive here.',
  },
  {
    id: 'members',
    label: 'Members',
    permission: 'users:view',
    empty: 'Members of your organisation and their roles.',
  },
  { id: 'audit', label: 'Audit', permission: 'audit:view', empty: 'Who did what, and when.' },
];

export function visibleAreas(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => permissions.includes(item.permission));
}
