import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { ServiceCategory } from '../../../shared/facility-terms';
import type { FacilityDemand, FacilityDemandMonths } from '../../../shared/schemas/facilities';
import type {
  OutsideCategoryList,
  OutsideCategorySelection,
} from '../../../shared/schemas/outside-categories';
import { api, call } from '../../api/client';

export const selectionKey = (s: { patientId: string; serviceId: string }) => `${s.patientId} ${s.serviceId}`;

export const MONTH_CHOICES = [6, 12, 24] as const;

/**
 * Demand planning: today's figures and the months before, for every facility
 * or one, fetched again whenever the facility or the span changes. The
 * category filter only changes what is shown.
 */
export const DemandModel = createModel(() => {
  const facilityId = signal('');
  const category = signal<ServiceCategory | ''>('');
  const months = signal<number>(12);
  const demand = signal<FacilityDemand | null>(null);
  const series = signal<FacilityDemandMonths | null>(null);
  /** The facilities to filter by, from the first (unfiltered) answer. */
  const choices = signal<FacilityDemand['items']>([]);
  const error = signal<string | null>(null);
  const loading = signal(true);
  /** Old selections outside their facility's categories, not counted above, for clean-up. */
  const outside = signal<OutsideCategoryList | null>(null);
  const chosen = signal<ReadonlySet<string>>(new Set());
  const removing = signal(false);
  const removed = signal<string | null>(null);
  /** Bumped after a removal: the figures and the list are read again. */
  const reloads = signal(0);

  effect(() => {
    const facility = facilityId.value;
    const span = String(months.value);
    const reload = reloads.value;
    const filter = facility ? { facilityId: facility } : {};
    loading.value = true;
    error.value = null;
    Promise.all([
      call(api.facilities.demand.$get({ query: filter })),
      call(api.facilities.demand.months.$get({ query: { ...filter, months: span } })),
      call(api.facilities.demand['outside-categories'].$get({ query: filter })),
    ])
      .then(([now, past, old]) => {
        // A slower answer for a filter since changed is dropped.
        if (facility !== facilityId.peek() || span !== String(months.peek()) || reload !== reloads.peek())
          return;
        demand.value = now;
        series.value = past;
        outside.value = old;
        chosen.value = new Set();
        if (!facility) choices.value = now.items;
      })
      .catch((e: Error) => {
        error.value = e.message;
      })
      .finally(() => {
        loading.value = false;
      });
  });

  return {
    facilityId,
    category,
    months,
    demand,
    series,
    choices,
    error,
    loading,
    /** Nobody has a service yet (for the filter chosen): the screen explains where demand comes from. */
    empty: computed(() => {
      const d = demand.value;
      const s = series.value;
      if (!d || !s) return false;
      return (
        d.items.every((i) => Object.values(i.categories).every((c) => c.services === 0)) &&
        s.months.every((m) => m.services === 0)
      );
    }),
    chooseFacility: action((id: string) => {
      facilityId.value = id;
    }),
    chooseCategory: action((c: ServiceCategory | '') => {
      category.value = c;
    }),
    chooseMonths: action((n: number) => {
      months.value = n;
    }),
    outside,
    chosen,
    removing,
    removed,
    toggle: action((s: OutsideCategorySelection) => {
      const next = new Set(chosen.value);
      const key = selectionKey(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      chosen.value = next;
    }),
    chooseAll: action((on: boolean) => {
      chosen.value = new Set(on ? (outside.value?.items ?? []).map(selectionKey) : []);
    }),
    removeChosen: action(async () => {
      const selections = (outside.value?.items ?? [])
        .filter((s) => chosen.value.has(selectionKey(s)))
        .map((s) => ({ patientId: s.patientId, serviceId: s.serviceId }));
      if (!selections.length || removing.value) return;
      removing.value = true;
      error.value = null;
      try {
        const done = await call(
          api.facilities.demand['outside-categories'].remove.$post({ json: { selections } }),
        );
        removed.value = `Removed ${done.removed} ${done.removed === 1 ? 'service' : 'services'}.`;
        reloads.value++;
      } catch (e) {
        error.value = (e as Error).message;
      } finally {
        removing.value = false;
      }
    }),
  };
});
