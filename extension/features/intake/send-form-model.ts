import { action, createModel, signal } from '@preact/signals';
import { apiCall } from '../../utils/use-api';
import type { IntakeRequest, IntakeTemplate } from './intake-types';

export type Delivery = 'email' | 'link';

/** Sending one form to a lead or a patient: the published forms to choose from and the request once sent. */
export const SendFormModel = createModel((subject: { leadId: string } | { patientId: string }) => {
  const templates = signal<IntakeTemplate[] | null>(null);
  const templateId = signal('');
  const error = signal<string | null>(null);
  const sent = signal<IntakeRequest | null>(null);
  // One key per send: a double click or a retry sends one form.
  const key = crypto.randomUUID();

  const choose = action((id: string) => {
    templateId.value = id;
  });

  const send = action(async (delivery: Delivery, days: number) => {
    error.value = null;
    try {
      const request = await apiCall<IntakeRequest>(
        'POST',
        '/api/v1/intake-requests',
        { templateId: templateId.value, ...subject, delivery, expiresInDays: days },
        key,
      );
      sent.value = request;
      return request;
    } catch (err) {
      error.value = (err as Error).message;
      return null;
    }
  });

  apiCall<{ items: IntakeTemplate[] }>('GET', '/api/v1/intake-templates').then(
    (r) => {
      const live = r.items.filter((t) => t.latestVersion && !t.archivedAt);
      templates.value = live;
      templateId.value = live[0]?.id ?? '';
    },
    (e: Error) => {
      error.value = e.message;
    },
  );

  return { templates, templateId, error, sent, choose, send };
});
