import { action, createModel, effect, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';

/** The pipeline as a list: filtered by stage, searched, newest first, loaded again as the filters change. */
export const LeadListModel = createModel(() => {
  const stageId = signal('');
  const q = signal('');
  const list = cursorPages((cursor) => {
    const stage = stageId.peek();
    const search = q.peek().trim();
    return call(
      api.leads.$get({
        query: {
          limit: '50',
          ...(stage ? { stageId: stage } : {}),
          ...(search ? { q: search } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
    );
  });

  const chooseStage = action((id: string) => {
    stageId.value = id;
  });
  const search = action((text: string) => {
    q.value = text;
  });

  effect(() => {
    stageId.value;
    q.value;
    list.reload();
  });

  return { stageId, q, list, chooseStage, search };
});
