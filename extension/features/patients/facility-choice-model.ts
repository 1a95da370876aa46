import { action, createModel, signal } from '@preact/signals';
import type { Facility } from '../../../shared/schemas/facilities';
import { api, call } from '../../api/client';
import { type CurrentFacility, currentFacilityItem } from '../../utils/current-facility';

/**
 * The facility patients are shown for: remembered per organisation (a choice
 * from another organisation is ignored), picked from the organisation's facilities.
 */
export const FacilityChoiceModel = createModel((organizationId: string) => {
  /** `undefined` until the remembered choice is read. */
  const facility = signal<CurrentFacility | null | undefined>(undefined);
  const choices = signal<Facility[]>([]);
  const loadingChoices = signal(true);
  const choicesError = signal<string | null>(null);

  currentFacilityItem.getValue().then((f) => {
    facility.value = f?.organizationId === organizationId ? f : null;
  });
  // The picker stays usable without the list (the remembered facility still
  // shows), but says why the other facilities are missing.
  call(api.facilities.$get({ query: { limit: '200', sort: 'name' } }))
    .then(
      (page) => {
        choices.value = page.items;
      },
      (error: Error) => {
        choicesError.value = `The facilities could not be loaded: ${error.message}`;
      },
    )
    .finally(() => {
      loadingChoices.value = false;
    });

  return {
    facility,
    choices,
    loadingChoices,
    choicesError,
    choose: action(async (facilityId: string) => {
      const picked = choices.peek().find((f) => f.id === facilityId);
      const next = picked ? { organizationId, id: picked.id, name: picked.name } : null;
      await currentFacilityItem.setValue(next);
      facility.value = next;
    }),
  };
});
