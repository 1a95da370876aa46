import { action, createModel, signal } from '@preact/signals';
import type { RecordsRequest, RecordsRequestCreate } from '../../../shared/schemas/records';
import { api, call } from '../../api/client';

type PatientChoice = { id: string; name: string; dateOfBirth: string };

/** The new-request form's patient search and its sending state. */
export const RecordsFormModel = createModel(() => {
  const matches = signal<PatientChoice[]>([]);
  const patient = signal<PatientChoice | null>(null);
  const error = signal<string | null>(null);
  const saving = signal(false);
  let latest = 0;

  const searchPatients = action(async (q: string) => {
    const ticket = ++latest;
    if (!q.trim()) {
      matches.value = [];
      return;
    }
    try {
      const page = await call(api.patients.$get({ query: { q: q.trim(), limit: '8' } }));
      if (ticket !== latest) return;
      matches.value = page.items.map((p) => ({
        id: p.id,
        name: `${p.firstName} ${p.lastName}`,
        dateOfBirth: p.dateOfBirth,
      }));
    } catch (e) {
      error.value = (e as Error).message;
    }
  });
  const choosePatient = action((choice: PatientChoice | null) => {
    patient.value = choice;
    matches.value = [];
  });

  const submit = action(
    async (input: Omit<RecordsRequestCreate, 'patientId'>): Promise<RecordsRequest | null> => {
      if (!patient.value) {
        error.value = 'Choose the patient';
        return null;
      }
      saving.value = true;
      error.value = null;
      try {
        return await call(api['records-requests'].$post({ json: { ...input, patientId: patient.value.id } }));
      } catch (e) {
        error.value = (e as Error).message;
        return null;
      } finally {
        saving.value = false;
      }
    },
  );

  return { matches, patient, error, saving, searchPatients, choosePatient, submit };
});
