import { action, createModel, signal } from '@preact/signals';
import type { AutomationTouch, AutomationTouchQuery } from '../../../shared/schemas/automation-touches';
import { api, call } from '../../api/client';

/** Whose history: a patient's (with their cases'), a lead's or one case's. */
export type TouchSubject = { patientId: string } | { leadId: string } | { caseId: string };

/** The automations that acted on one record, newest first. */
export const AutomationHistoryModel = createModel((subject: TouchSubject) => {
  const items = signal<AutomationTouch[]>([]);
  const loading = signal(true);
  const error = signal<string | null>(null);
  const reload = action(async () => {
    loading.value = true;
    error.value = null;
    try {
      const query: AutomationTouchQuery = subject;
      items.value = (await call(api['automation-touches'].$get({ query }))).items;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  });
  void reload();
  return { items, loading, error, reload };
});
