import { action, createModel, signal } from '@preact/signals';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, call } from '../../api/client';

type LeadFormConfig = InferResponseType<(typeof api)['lead-form']['$get'], 200>;
type Change = InferRequestType<(typeof api)['lead-form']['$patch']>['json'];

/** The website inquiry form's settings, with the allowed sites as the text being edited. */
export const LeadFormSettingsModel = createModel(() => {
  const config = signal<LeadFormConfig | null>(null);
  const origins = signal('');
  const message = signal<{ text: string; error: boolean } | null>(null);

  const show = (c: LeadFormConfig) => {
    config.value = c;
    origins.value = c.allowedOrigins.join('\n');
  };

  const editOrigins = action((text: string) => {
    origins.value = text;
  });

  const change = action(async (send: () => Promise<LeadFormConfig>, done: string) => {
    message.value = null;
    try {
      show(await send());
      message.value = { text: done, error: false };
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  const save = action((patch: Change, done: string) =>
    change(() => call(api['lead-form'].$patch({ json: patch })), done),
  );
  const saveOrigins = action(() =>
    save(
      {
        allowedOrigins: origins.value
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
      },
      'Allowed websites saved.',
    ),
  );
  const rotateKey = action(() =>
    change(
      () => call(api['lead-form']['rotate-key'].$post()),
      'New address made; the old one no longer works.',
    ),
  );

  call(api['lead-form'].$get()).then(show, (e: Error) => {
    message.value = { text: e.message, error: true };
  });

  return { config, origins, message, editOrigins, save, saveOrigins, rotateKey };
});
