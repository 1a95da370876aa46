import { action, computed, createModel, signal } from '@preact/signals';
import type { ServiceCategory } from '../../../shared/facility-terms';
import type { Service } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

/** The organisation's service catalogue: every service, the active ones, and the administrator's changes. */
export const ServiceCatalogueModel = createModel(() => {
  const items = signal<Service[]>([]);
  const message = signal<Notice | null>(null);

  const load = async () => {
    items.value = (await call(api.services.$get())).items;
  };
  load().catch((e: Error) => {
    message.value = { text: e.message, error: true };
  });

  /** Runs one change, says how it went, and reloads; true when it went through. */
  const change = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.value = { text: done, error: false };
      await load();
      return true;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
      return false;
    }
  };

  return {
    items,
    active: computed(() => items.value.filter((s) => s.active)),
    message,
    add: action((category: ServiceCategory, name: string) =>
      change(() => call(api.services.$post({ json: { category, name } })), `${name.trim()} added.`),
    ),
    toggle: action((s: Service) =>
      change(
        () => call(api.services[':id'].$patch({ param: { id: s.id }, json: { active: !s.active } })),
        s.active ? `${s.name} retired.` : `${s.name} restored.`,
      ),
    ),
  };
});

/** One service selection applied to many patients at once (spec 000, step 4). */
export const BulkServicesModel = createModel((patientIds: string[], facilityId: string) => {
  const catalogue = new ServiceCatalogueModel();
  /** The facility's service categories: what can be chosen (null until read). */
  const categories = signal<ServiceCategory[] | null>(null);
  const chosen = signal<string[]>([]);
  const all = signal(false);
  const error = signal<string | null>(null);
  const saving = signal(false);
  call(api.facilities[':id'].$get({ param: { id: facilityId } })).then(
    (f) => {
      categories.value = f.serviceCategories;
    },
    (e: Error) => {
      error.value = e.message;
    },
  );
  return {
    catalogue,
    categories,
    chosen,
    all,
    error,
    saving,
    pick: action((next: { chosen: string[]; all: boolean }) => {
      chosen.value = next.chosen;
      all.value = next.all;
    }),
    /** How many patients were updated, or null when refused (the reason is in `error`). */
    save: action(async (): Promise<number | null> => {
      saving.value = true;
      error.value = null;
      try {
        const selection = all.peek()
          ? { allHealthcareServices: true as const }
          : { serviceIds: chosen.peek() };
        const json = { patientIds, ...selection };
        return (await call(api.patients.services.bulk.$post({ json }))).patients;
      } catch (e) {
        error.value = (e as Error).message;
        return null;
      } finally {
        saving.value = false;
      }
    }),
  };
});
