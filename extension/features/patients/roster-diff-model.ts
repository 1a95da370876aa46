import { action, computed, createModel, signal } from '@preact/signals';
import type { RosterApplied, RosterApply, RosterDiff } from '../../../shared/schemas/roster-diff';
import { api, call } from '../../api/client';
import {
  allOrNone,
  applyRequest,
  confirmedCount,
  type DiffChoices,
  type DiffGroup,
  noChoices,
  noOffer,
  offered,
  stillOffered,
  toggled,
} from './roster-diff-choices';
import type { ReviewRow } from './roster-review-rows';

/**
 * A roster compared with the facility's current patients: the groups, what
 * the person confirmed in each, and applying it. Nothing is confirmed until
 * the person says so, row by row or a whole group at once.
 */
export const RosterDiffModel = createModel(() => {
  const diff = signal<RosterDiff | null>(null);
  const rows = signal<ReviewRow[]>([]);
  const choices = signal<DiffChoices>(noChoices());
  const busy = signal(false);
  const error = signal<string | null>(null);
  const offer = computed(() => (diff.value ? offered(diff.value, rows.value) : noOffer()));
  const confirmed = computed(() => confirmedCount(choices.value, offer.value));
  // One key per request body: a retry of the same confirmations never applies twice.
  let attempt: { body: string; key: string } | null = null;

  return {
    diff,
    choices,
    offer,
    confirmed,
    busy,
    error,
    /** The latest preview's diff and rows; confirmations of items no longer offered are dropped. */
    show: action((next: RosterDiff | undefined, reviewRows: ReviewRow[]) => {
      diff.value = next ?? null;
      rows.value = reviewRows;
      choices.value = stillOffered(choices.peek(), offer.peek());
    }),
    toggle: action((group: DiffGroup, key: string) => {
      choices.value = toggled(choices.peek(), group, key);
    }),
    confirmGroup: action((group: DiffGroup) => {
      choices.value = allOrNone(choices.peek(), group, offer.peek()[group]);
    }),
    apply: action(
      async (
        input: Pick<RosterApply, 'facilityId' | 'source' | 'fileName'>,
      ): Promise<RosterApplied | null> => {
        const current = diff.peek();
        if (!current) return null;
        const json = applyRequest(input, current, rows.peek(), choices.peek());
        const body = JSON.stringify(json);
        if (attempt?.body !== body) attempt = { body, key: crypto.randomUUID() };
        busy.value = true;
        error.value = null;
        try {
          return await call(
            api.patients.import.apply.$post({ json }, { headers: { 'Idempotency-Key': attempt.key } }),
          );
        } catch (e) {
          error.value = (e as Error).message;
          return null;
        } finally {
          busy.value = false;
        }
      },
    ),
  };
});
