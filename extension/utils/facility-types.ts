import type { ContractStatus } from '../../shared/contract-status';
import type { DocumentKind, Feature, ServiceCategory } from '../../shared/facility-terms';

/** The API's facility, as the side panel reads it (the contract lives in shared/schemas/facilities.ts). */
export type Facility = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  administrator: {
    name: string;
    email: string;
    phone: string | null;
    invitation: 'sent' | 'accepted' | 'expired' | 'revoked' | 'member';
  } | null;
  features: Record<Feature, boolean>;
  cycleStartDay: number | null;
  nextCycleDate: string | null;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postalCode: string;
    verification: { provider: string; verifiedAt: string; corrections: string[] };
  };
  contractStatus: ContractStatus;
  serviceCategories: ServiceCategory[];
};

export type FacilityDocument = {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: string;
};

export type AddressFields = { line1: string; line2: string; city: string; state: string; postalCode: string };

export const INVITATION_LABELS: Record<NonNullable<Facility['administrator']>['invitation'], string> = {
  sent: 'Invitation sent',
  accepted: 'Invitation accepted',
  expired: 'Invitation expired',
  revoked: 'Invitation withdrawn',
  member: 'Already a member; attached',
};
