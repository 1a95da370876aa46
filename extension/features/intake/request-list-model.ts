import { action, createModel, signal } from '@preact/signals';
import type { InferRequestType } from 'hono/client';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';
import type { IntakeRequest } from './intake-api-types';

export type RequestQuery = Omit<InferRequestType<(typeof api)['intake-requests']['$get']>['query'], 'cursor'>;

/**
 * Forms sent, and what is done to them: renewing (the new link shown once,
 * beside its row) and cancelling, each followed by the list again.
 */
export const RequestListModel = createModel((query: RequestQuery) => {
  const list = cursorPages((cursor) =>
    call(api['intake-requests'].$get({ query: { ...query, ...(cursor ? { cursor } : {}) } })),
  );
  const link = signal<{ id: string; link: string } | null>(null);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const act = action(async (run: () => Promise<unknown>, done: string) => {
    message.value = null;
    try {
      await run();
      message.value = { text: done, error: false };
      list.reload();
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  const renew = action((r: IntakeRequest) =>
    act(
      async () => {
        const renewed = await call(
          api['intake-requests'][':id'].renew.$post({ param: { id: r.id }, json: {} }),
        );
        if (renewed.link) link.value = { id: r.id, link: renewed.link };
      },
      r.delivery === 'email'
        ? 'Renewed and emailed again; the old link no longer works.'
        : 'Renewed: copy the new link; the old one no longer works.',
    ),
  );
  const cancel = action((r: IntakeRequest) =>
    act(() => call(api['intake-requests'][':id'].cancel.$post({ param: { id: r.id } })), 'Cancelled.'),
  );

  list.reload();

  return { list, link, message, renew, cancel };
});
