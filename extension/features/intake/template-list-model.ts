import { createModel } from '@preact/signals';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';

/** The organisation's form templates, newest first. */
export const TemplateListModel = createModel(() => {
  const list = cursorPages((cursor) =>
    call(api['intake-templates'].$get({ query: cursor ? { cursor } : {} })),
  );
  list.reload();
  return { list };
});
