import type { ComponentType } from 'preact';
import type { IconName } from '../../ui/icons';
import { lazyArea } from '../../ui/lazy-area';
import type { Me } from '../../utils/messages';
import type { AreaId } from '../../utils/navigation';
import { AuditArea } from '../audit/audit-area';
import { FacilitiesArea } from '../facilities/facilities-area';
import { MembersArea } from '../members/members-area';
import { PatientsArea } from '../patients/patients-area';

// Areas most people open first load with the panel; the larger ones load on
// first use so the panel's first chunk stays small.
const LeadsArea = lazyArea(() => import('../leads/leads-area').then((m) => m.LeadsArea));
const IntakeArea = lazyArea(() => import('../intake/intake-area').then((m) => m.IntakeArea));
const ReferralsArea = lazyArea(() => import('../referrals/referrals-area').then((m) => m.ReferralsArea));
const RecordsArea = lazyArea(() => import('../records/records-area').then((m) => m.RecordsArea));
const AutomationsArea = lazyArea(() =>
  import('../automations/automations-area').then((m) => m.AutomationsArea),
);

/** The component each area of the navigation shows; a new area adds one line here. */
export const AREA_VIEWS: Record<AreaId, ComponentType<{ me: Me }>> = {
  facilities: FacilitiesArea,
  patients: PatientsArea,
  leads: LeadsArea,
  intake: IntakeArea,
  referrals: ReferralsArea,
  records: RecordsArea,
  automations: AutomationsArea,
  members: MembersArea,
  audit: AuditArea,
};

/** The icon beside each area's name in the navigation bar. */
export const AREA_ICONS: Record<AreaId, IconName> = {
  facilities: 'facilities',
  patients: 'patients',
  leads: 'leads',
  intake: 'intake',
  referrals: 'referrals',
  records: 'records',
  automations: 'automations',
  members: 'members',
  audit: 'audit',
};
