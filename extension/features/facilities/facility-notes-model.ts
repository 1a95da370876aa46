import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';

/** A facility's notes, newest first a page at a time, and adding one. */
export const FacilityNotesModel = createModel((facilityId: string) => {
  const param = { id: facilityId };
  const notes = cursorPages((cursor, abort) =>
    call(
      api.facilities[':id'].notes.$get(
        { param, query: { limit: '20', ...(cursor ? { cursor } : {}) } },
        { init: { signal: abort } },
      ),
    ),
  );
  const saving = signal(false);
  const failure = signal<string | null>(null);
  notes.reload();

  return {
    notes,
    saving,
    failure,
    add: action(async (text: string): Promise<boolean> => {
      if (saving.value || !text.trim()) return false;
      saving.value = true;
      failure.value = null;
      try {
        await call(api.facilities[':id'].notes.$post({ param, json: { text: text.trim() } }));
        await notes.reload();
        return true;
      } catch (e) {
        failure.value = (e as Error).message;
        return false;
      } finally {
        saving.value = false;
      }
    }),
  };
});
