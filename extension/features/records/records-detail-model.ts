import { action, createModel, signal } from '@preact/signals';
import type { InferRequestType } from 'hono/client';
import type { RecordsStatus } from '../../../shared/records/statuses';
import type { RecordsEvent, RecordsRequest } from '../../../shared/schemas/records';
import { api, call } from '../../api/client';
import { newestWins } from '../../ui/newest-wins';

/** One request with its timeline, and the moves and the extension made from it. */
export const RecordsDetailModel = createModel((id: string) => {
  const request = signal<RecordsRequest | null>(null);
  const timeline = signal<RecordsEvent[]>([]);
  const error = signal<string | null>(null);
  const saving = signal(false);
  const param = { id };
  const one = api['records-requests'][':id'];

  // A reload that started before a change and answers after it must not put the old request back.
  const keepNewest = newestWins();

  const load = action(async () => {
    try {
      await keepNewest(
        () => Promise.all([call(one.$get({ param })), call(one.timeline.$get({ param }))]),
        ([found, events]) => {
          request.value = found;
          timeline.value = events.items;
        },
      );
    } catch (e) {
      error.value = (e as Error).message;
    }
  });

  const save = async (change: () => Promise<RecordsRequest>) => {
    saving.value = true;
    error.value = null;
    try {
      const changed = await change();
      // Shown with its timeline, unless a newer load has already started.
      await keepNewest(
        () => call(one.timeline.$get({ param })),
        (events) => {
          request.value = changed;
          timeline.value = events.items;
        },
      );
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    } finally {
      saving.value = false;
    }
  };

  const moveTo = action((to: RecordsStatus, reason?: string) =>
    save(() => call(one.status.$post({ param, json: reason ? { to, reason } : { to } }))),
  );
  const checkAuthorization = action((check: InferRequestType<typeof one.authorization.$post>['json']) =>
    save(() => call(one.authorization.$post({ param, json: check }))),
  );
  const sendAuthorizationForm = action(async (email?: string) => {
    let form: { recipientEmail: string | null } | null = null;
    await save(async () => {
      const sent = await call(one['authorization-form'].$post({ param, json: email ? { email } : {} }));
      form = sent.form;
      return sent.request;
    });
    return form;
  });
  const extend = action((reason: string) =>
    save(() => call(one.extension.$post({ param, json: { reason } }))),
  );

  load();
  return {
    request,
    timeline,
    error,
    saving,
    moveTo,
    extend,
    checkAuthorization,
    sendAuthorizationForm,
    reload: load,
  };
});
