import { action, createModel, signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { api, call } from '../../api/client';
import type { IntakeTemplateSummary } from './intake-api-types';

export type Delivery = 'email' | 'link';
/** A request as sending answers it: with its link, shown this once. */
export type SentRequest = InferResponseType<(typeof api)['intake-requests']['$post'], 201>;

/** Sending one form to a lead or a patient: the published forms to choose from and the request once sent. */
export const SendFormModel = createModel((subject: { leadId: string } | { patientId: string }) => {
  const templates = signal<IntakeTemplateSummary[] | null>(null);
  const templateId = signal('');
  const error = signal<string | null>(null);
  const sent = signal<SentRequest | null>(null);
  // One key per send: a double click or a retry sends one form.
  const key = crypto.randomUUID();

  const choose = action((id: string) => {
    templateId.value = id;
  });

  const send = action(async (delivery: Delivery, days: number) => {
    error.value = null;
    try {
      const request = await call(
        api['intake-requests'].$post(
          { json: { templateId: templateId.value, ...subject, delivery, expiresInDays: days } },
          { headers: { 'Idempotency-Key': key } },
        ),
      );
      sent.value = request;
      return request;
    } catch (err) {
      error.value = (err as Error).message;
      return null;
    }
  });

  call(api['intake-templates'].$get({ query: {} })).then(
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
