import { action, createModel, signal } from '@preact/signals';
import type { TaughtSite } from '../../../shared/schemas/site-mappings';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { cursorPages } from '../../ui/paged-list-model';

/** The organisation's taught sites (Settings), and forgetting one. */
export const TaughtSitesModel = createModel(() => {
  const sites = cursorPages((cursor, abort) =>
    call(
      api['site-mappings'].taught.$get(
        { query: { limit: '50', ...(cursor ? { cursor } : {}) } },
        { init: { signal: abort } },
      ),
    ),
  );
  /** The site whose removal is being confirmed. */
  const forgetting = signal<TaughtSite | null>(null);
  const notice = signal<Notice | null>(null);
  sites.reload();

  return {
    sites,
    forgetting,
    notice,
    ask: action((site: TaughtSite | null) => {
      forgetting.value = site;
    }),
    forget: action(async () => {
      const site = forgetting.peek();
      forgetting.value = null;
      if (!site) return;
      notice.value = null;
      try {
        await call(api['site-mappings'][':id'].$delete({ param: { id: site.id } }));
        await sites.reload();
        notice.value = {
          text: `${site.host} forgotten. To teach it again, open one of its pages: the page card offers “Teach Sidecar this site”.`,
          error: false,
        };
      } catch (e) {
        notice.value = { text: (e as Error).message, error: true };
      }
    }),
  };
});
