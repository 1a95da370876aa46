import { action, createModel, effect, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';

/** The compliance board: open requests, fewest days left first, optionally one direction. */
export const RecordsBoardModel = createModel(() => {
  const direction = signal<'' | 'outgoing' | 'incoming'>('');
  const list = cursorPages((cursor) => {
    const dir = direction.peek();
    return call(
      api['records-requests'].$get({
        query: {
          open: 'true',
          limit: '50',
          ...(dir ? { direction: dir } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
    );
  });
  const chooseDirection = action((value: '' | 'outgoing' | 'incoming') => {
    direction.value = value;
  });
  effect(() => {
    direction.value;
    list.reload();
  });
  return { direction, list, chooseDirection };
});
