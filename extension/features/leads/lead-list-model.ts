import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import { cursorPages, followQuery } from '../../ui/paged-list-model';

/** The pipeline as a list: filtered by stage, searched, newest first, loaded again as the filters change. */
export const LeadListModel = createModel(() => {
  const stageId = signal('');
  const q = signal('');
  const list = cursorPages((cursor, stale) => {
    const stage = stageId.peek();
    const search = q.peek().trim();
    return call(
      api.leads.$get(
        {
          query: {
            limit: '50',
            ...(stage ? { stageId: stage } : {}),
            ...(search ? { q: search } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
        { init: { signal: stale } },
      ),
    );
  });

  const chooseStage = action((id: string) => {
    stageId.value = id;
  });
  const search = action((text: string) => {
    q.value = text;
  });

  followQuery(list, () => [stageId.value, q.value]);

  return { stageId, q, list, chooseStage, search };
});
