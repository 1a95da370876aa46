import { storage } from 'wxt/utils/storage';

/** The facility the patient screens work on (spec 000, step 2), per organisation. */
export type CurrentFacility = { organizationId: string; id: string; name: string };

export const currentFacilityItem = storage.defineItem<CurrentFacility | null>('local:currentFacility', {
  fallback: null,
});
