import { action, createModel, signal } from '@preact/signals';
import type { FormDefinition } from '../../../shared/intake/definition';
import { api, call } from '../../api/client';
import { MessageError } from '../../utils/send-message';
import type { IntakeTemplate } from './intake-api-types';

type BuilderNotice = { text: string; error: boolean; details?: string[] };

/**
 * A template being built: the draft (name and definition) kept whole until it
 * is saved, and the template as the server last answered it.
 */
export const TemplateBuilderModel = createModel((start: IntakeTemplate) => {
  const template = signal(start);
  const name = signal(start.name);
  const definition = signal<FormDefinition>(start.definition);
  const dirty = signal(false);
  const busy = signal(false);
  const message = signal<BuilderNotice | null>(null);

  const edit = action((next: FormDefinition) => {
    definition.value = next;
    dirty.value = true;
  });
  const rename = action((next: string) => {
    name.value = next;
    dirty.value = true;
  });

  const run = action(async (send: () => Promise<IntakeTemplate>, done: string) => {
    busy.value = true;
    message.value = null;
    try {
      template.value = await send();
      dirty.value = false;
      message.value = { text: done, error: false };
    } catch (e) {
      const details =
        e instanceof MessageError ? e.failure.details?.map((d) => `${d.path}: ${d.issue}`) : undefined;
      message.value = { text: (e as Error).message, error: true, ...(details ? { details } : {}) };
    } finally {
      busy.value = false;
    }
  });

  const saveDraft = () =>
    call(
      api['intake-templates'][':id'].$patch({
        param: { id: template.value.id },
        json: { name: name.value, definition: definition.value },
      }),
    );

  const save = action(() => run(saveDraft, 'Draft saved.'));
  const publish = action(() =>
    run(async () => {
      if (dirty.value) await saveDraft();
      const param = { id: template.value.id };
      await call(api['intake-templates'][':id'].publish.$post({ param }));
      // Publishing answers with the new version; the template is read again so the
      // builder shows it live and keeps editing the template, not the version.
      return call(api['intake-templates'][':id'].$get({ param }));
    }, 'Published. New forms sent use this version; forms already sent keep theirs.'),
  );

  return { template, name, definition, dirty, busy, message, edit, rename, save, publish };
});
