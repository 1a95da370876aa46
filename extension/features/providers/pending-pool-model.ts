import { action, computed, createModel, signal } from '@preact/signals';
import type { PendingPatient, Provider } from '../../../shared/schemas/providers';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

export type ProviderDraft = {
  name: string;
  npi: string;
  capacity: string;
  credentials: string;
  specialty: string;
  email: string;
};
const EMPTY_PROVIDER: ProviderDraft = {
  name: '',
  npi: '',
  capacity: '20',
  credentials: '',
  specialty: '',
  email: '',
};
const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});

/**
 * The pending pool of one facility (spec 000, step 6): the patients waiting,
 * the active providers, the choice per patient (confirmed before saving, all
 * or nothing), and adding a provider with an NPI look-up.
 */
export const PendingPoolModel = createModel((facilityId: string) => {
  const pool = signal<PendingPatient[]>([]);
  const providers = signal<Provider[]>([]);
  /** patient id → provider id */
  const choice = signal<Record<string, string>>({});
  const confirming = signal(false);
  const message = signal<Notice | null>(null);
  const draft = signal<ProviderDraft>(EMPTY_PROVIDER);
  /** Bumped when a provider is added or patients are assigned here, so the provider list (and its counts) reloads. */
  const providersVersion = signal(0);

  const load = async () => {
    const [pending, all] = await Promise.all([
      call(api.assignments.pending.$get({ query: { facilityId } })),
      call(api.providers.$get()),
    ]);
    pool.value = pending.items;
    providers.value = all.items.filter((p) => p.active);
  };
  const fail = (e: unknown) => {
    message.value = { text: (e as Error).message, error: true };
  };
  load().catch(fail);

  const pairs = computed(() =>
    Object.entries(choice.value)
      .filter(([, providerId]) => providerId)
      .map(([patientId, providerId]) => ({ patientId, providerId })),
  );

  /** Places each provider has left once the choices made so far are counted: full providers show before Assign. */
  const placesLeft = computed(() => {
    const left = new Map(providers.value.map((p) => [p.id, (p.capacity ?? 0) - (p.load ?? 0)]));
    for (const { providerId } of pairs.value) left.set(providerId, (left.get(providerId) ?? 0) - 1);
    return left;
  });

  return {
    pool,
    placesLeft,
    providersVersion,
    reload: action(() => load().catch(fail)),
    providers,
    choice,
    confirming,
    message,
    draft,
    pairs,
    choose: action((patientId: string, providerId: string) => {
      choice.value = { ...choice.peek(), [patientId]: providerId };
    }),
    chooseForAll: action((providerId: string) => {
      choice.value = Object.fromEntries(pool.peek().map((p) => [p.id, providerId]));
    }),
    confirm: action((on: boolean) => {
      confirming.value = on;
    }),
    assign: action(async () => {
      try {
        const result = await call(api.assignments.$post({ json: { assignments: pairs.peek() } }));
        message.value = {
          text: `${result.assigned} patient${result.assigned === 1 ? '' : 's'} assigned.`,
          error: false,
        };
        choice.value = {};
        confirming.value = false;
        await load();
        providersVersion.value++;
      } catch (e) {
        fail(e);
        confirming.value = false;
      }
    }),
    editDraft: action((change: Partial<ProviderDraft>) => {
      draft.value = { ...draft.peek(), ...change };
    }),
    /** Check digit first (offline); then the NPPES registry fills in the name when it can be reached. */
    lookUp: action(async () => {
      try {
        const r = await call(api.providers.npi[':npi'].$get({ param: { npi: draft.peek().npi.trim() } }));
        if (!r.valid)
          message.value = { text: 'This NPI fails its check digit; check the 10 digits.', error: true };
        else if (r.registry?.found) {
          const found = r.registry;
          draft.value = {
            ...draft.peek(),
            name: found.name,
            credentials: found.credentials ?? '',
            specialty: found.specialty ?? '',
          };
          message.value = { text: `Found ${found.name} in the NPI registry.`, error: false };
        } else message.value = { text: r.registry?.message ?? 'The NPI is valid.', error: false };
      } catch (e) {
        fail(e);
      }
    }),
    addProvider: action(async () => {
      const d = draft.peek();
      try {
        const json = {
          name: d.name,
          capacity: Number(d.capacity),
          ...optional('npi', d.npi),
          ...optional('credentials', d.credentials),
          ...optional('specialty', d.specialty),
          ...optional('email', d.email),
        };
        await call(api.providers.$post({ json }));
        draft.value = EMPTY_PROVIDER;
        providersVersion.value++;
        await load();
      } catch (e) {
        fail(e);
      }
    }),
  };
});
