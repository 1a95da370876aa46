import { action, createModel, signal } from '@preact/signals';
import type { Provider, RetirementPreview } from '../../../shared/schemas/providers';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

export type ProviderEdit = { name: string; capacity: string; specialty: string; email: string };

/**
 * Managing providers (spec 000, step 6): every provider, active or retired;
 * an edit; retiring after the person has seen who returns to the pending
 * pool; reactivating. `onChanged` lets the pool reload after a change.
 */
export const ProviderAdminModel = createModel((onChanged: () => void) => {
  const providers = signal<Provider[]>([]);
  const message = signal<Notice | null>(null);
  const editing = signal<{ id: string; draft: ProviderEdit } | null>(null);
  const retiring = signal<{ provider: Provider; preview: RetirementPreview } | null>(null);

  const fail = (e: unknown) => {
    message.value = { text: (e as Error).message, error: true };
  };
  const load = async () => {
    providers.value = (await call(api.providers.$get())).items;
  };
  load().catch(fail);
  const done = async (text: string) => {
    message.value = { text, error: false };
    await load();
    onChanged();
  };
  const param = (id: string) => ({ param: { id } });

  return {
    providers,
    message,
    editing,
    retiring,
    reload: action(() => load().catch(fail)),
    startEdit: action((p: Provider) => {
      editing.value = {
        id: p.id,
        draft: {
          name: p.name,
          capacity: String(p.capacity),
          specialty: p.specialty ?? '',
          email: p.email ?? '',
        },
      };
    }),
    editDraft: action((change: Partial<ProviderEdit>) => {
      const current = editing.peek();
      if (current) editing.value = { ...current, draft: { ...current.draft, ...change } };
    }),
    cancel: action(() => {
      editing.value = null;
      retiring.value = null;
    }),
    save: action(async () => {
      const current = editing.peek();
      if (!current) return;
      const d = current.draft;
      try {
        await call(
          api.providers[':id'].$patch({
            ...param(current.id),
            json: {
              name: d.name,
              capacity: Number(d.capacity),
              specialty: d.specialty.trim() || null,
              email: d.email.trim() || null,
            },
          }),
        );
        editing.value = null;
        await done(`${d.name.trim()} saved.`);
      } catch (e) {
        fail(e);
      }
    }),
    /** Shows who would return to the pending pool; nothing changes yet. */
    askRetire: action(async (provider: Provider) => {
      try {
        const preview = await call(api.providers[':id'].retirement.$get(param(provider.id)));
        retiring.value = { provider, preview };
      } catch (e) {
        fail(e);
      }
    }),
    confirmRetire: action(async () => {
      const current = retiring.peek();
      if (!current) return;
      try {
        const result = await call(
          api.providers[':id'].retire.$post({
            ...param(current.provider.id),
            json: { patientIds: current.preview.patients.map((p) => p.id) },
          }),
        );
        retiring.value = null;
        const n = result.returnedToPool;
        await done(
          `${current.provider.name} retired; ${n} patient${n === 1 ? '' : 's'} back in the pending pool.`,
        );
      } catch (e) {
        retiring.value = null;
        fail(e);
      }
    }),
    reactivate: action(async (provider: Provider) => {
      try {
        await call(api.providers[':id'].reactivate.$post(param(provider.id)));
        await done(`${provider.name} is active again.`);
      } catch (e) {
        fail(e);
      }
    }),
  };
});
