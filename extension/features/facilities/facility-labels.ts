import type { Facility } from '../../../shared/schemas/facilities';

/** The address as typed in the facility forms, before the server verifies it. */
export type AddressFields = { line1: string; line2: string; city: string; state: string; postalCode: string };

/** The administrator invitation's state, in the words staff read. */
export const INVITATION_LABELS: Record<NonNullable<Facility['administrator']>['invitation'], string> = {
  sent: 'Invitation sent',
  accepted: 'Invitation accepted',
  expired: 'Invitation expired',
  revoked: 'Invitation withdrawn',
  member: 'Already a member; attached',
};
