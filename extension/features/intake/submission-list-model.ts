import { action, createModel, effect, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';

/** Submitted forms, those to review or those accepted, loaded again when the choice changes. */
export const SubmissionListModel = createModel(() => {
  const accepted = signal<'false' | 'true'>('false');
  const list = cursorPages((cursor) =>
    call(
      api['intake-submissions'].$get({
        query: { accepted: accepted.peek(), ...(cursor ? { cursor } : {}) },
      }),
    ),
  );
  const show = action((which: 'false' | 'true') => {
    accepted.value = which;
  });
  effect(() => {
    accepted.value;
    list.reload();
  });
  return { accepted, list, show };
});
