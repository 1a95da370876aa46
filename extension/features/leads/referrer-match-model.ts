import { action, computed, createModel, signal } from '@preact/signals';
import type { ReferrerLookupResult } from '../../../shared/schemas/referrals';
import { api, call } from '../../api/client';

export type ReferrerMatchSetup = {
  /** The dentist as the capture named them ("Dr. Lena Fox"). */
  name: string;
  /** Whether the person may record a referral (referrals:edit). */
  canRecord: boolean;
};

/**
 * A referring dentist named in a capture, looked up in the organisation's
 * referral directory: the entries that fit, the one chosen (the clear best,
 * or the person's pick among namesakes) and whether to record the referral
 * when the lead is saved.
 */
export const ReferrerMatchModel = createModel((setup: ReferrerMatchSetup) => {
  const result = signal<ReferrerLookupResult | null>(null);
  const failed = signal(false);
  const chosenId = signal<string | null>(null);
  const record = signal(setup.canRecord);

  call(api['referring-providers'].lookup.$post({ json: { name: setup.name } })).then(
    (r) => {
      result.value = r;
      chosenId.value = r.confident ? (r.items[0]?.id ?? null) : null;
    },
    () => {
      failed.value = true;
    },
  );

  const choose = action((id: string | null) => {
    chosenId.value = id;
  });
  const setRecord = action((on: boolean) => {
    record.value = on;
  });

  /** The directory entry to record the referral from when the lead is saved, if any. */
  const toRecord = computed(() => {
    const chosen = result.value?.items.find((i) => i.id === chosenId.value);
    return chosen && record.value && setup.canRecord ? chosen : null;
  });

  const canRecord = signal(setup.canRecord);

  return { result, failed, chosenId, record, toRecord, canRecord, choose, setRecord };
});
