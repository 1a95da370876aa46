import { action, computed, createModel, signal } from '@preact/signals';
import type { Appointment, Case } from '../../../shared/schemas/cases';
import { api, call } from '../../api/client';

/** A patient's most recent cases and appointments: the page shows these, the rest is in the booking system. */
const SHOWN = '50';

/** A patient's cases with their parameters and appointments, and the case open on the page. */
export const PatientCasesModel = createModel((patientId: string) => {
  const cases = signal<Case[]>([]);
  const appointments = signal<Appointment[]>([]);
  const loading = signal(true);
  const error = signal<string | null>(null);
  const openCaseId = signal<string | null>(null);

  const load = action(async () => {
    loading.value = true;
    try {
      const [c, a] = await Promise.all([
        call(api.cases.$get({ query: { patientId, limit: SHOWN } })),
        call(api.appointments.$get({ query: { patientId, limit: SHOWN } })),
      ]);
      cases.value = c.items;
      appointments.value = a.items;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  });

  void load();
  return {
    cases,
    appointments,
    loading,
    error,
    openCaseId,
    openCase: computed(() => cases.value.find((c) => c.id === openCaseId.value) ?? null),
    toggle: action((id: string) => {
      openCaseId.value = openCaseId.value === id ? null : id;
    }),
  };
});
