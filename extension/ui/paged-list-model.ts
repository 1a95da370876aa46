import {
  action,
  computed,
  createModel,
  effect,
  type Model,
  type Signal,
  signal,
  untracked,
} from '@preact/signals';

export type Page<T> = { items: T[]; nextCursor: string | null };

/** How long typing must pause before a search is sent: one request per pause, not one per key. */
export const SEARCH_DEBOUNCE_MS = 250;

/** What a list asks for a page with: the cursor (none for the first) and a signal that fires when it is stale. */
export type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

/**
 * A cursor-paged list for a model: `reload()` starts over, `reloadSoon()`
 * starts over once typing pauses, `more()` appends the next page.
 * `fetchPage` asks for the page after a cursor, usually
 * `call(api.x.$get({ query: { cursor } }, { init: { signal } }))`. A newer
 * load aborts the one in flight (a request not yet sent is never sent) and an
 * answer overtaken anyway is dropped, so a fast typist never sees an older
 * search land last.
 */
export function cursorPages<T>(fetchPage: FetchPage<T>, debounceMs = SEARCH_DEBOUNCE_MS) {
  const items = signal<T[]>([]);
  const cursor = signal<string | null>(null);
  const loading = signal(true);
  const error = signal<string | null>(null);
  let latest = 0;
  let inFlight: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = async (after: string | null) => {
    clearTimeout(timer);
    const ticket = ++latest;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(after ?? undefined, controller.signal);
      if (ticket !== latest) return;
      items.value = after ? [...items.peek(), ...page.items] : page.items;
      cursor.value = page.nextCursor;
    } catch (e) {
      if (ticket === latest) error.value = (e as Error).message;
    } finally {
      if (ticket === latest) {
        loading.value = false;
        inFlight = null;
      }
    }
  };

  return {
    items,
    loading,
    error,
    hasMore: computed(() => cursor.value !== null),
    more: action(() => load(cursor.peek())),
    reload: action(() => load(null)),
    /** Starts over after `debounceMs` without another call: for a search box, called on every key. */
    reloadSoon: action(() => {
      clearTimeout(timer);
      // What is in flight answers the words before these: it is stale now, not after the pause.
      latest++;
      inFlight?.abort();
      inFlight = null;
      // Shown as loading at once, so an empty state never flashes for the words typed so far.
      loading.value = true;
      timer = setTimeout(() => load(null), debounceMs);
    }),
  };
}

export type PagedList<T> = ReturnType<typeof cursorPages<T>>;

/**
 * Reloads `list` whenever what `track` reads changes: the first page at once,
 * later ones when typing pauses. Call inside a model so the effect ends with it.
 */
export function followQuery<T>(list: PagedList<T>, track: () => unknown) {
  let first = true;
  effect(() => {
    track();
    untracked(() => {
      if (first) list.reload();
      else list.reloadSoon();
      first = false;
    });
  });
}

/** A paged list that follows a query: the first page at once, and again whenever `query` changes. */
export function createPagedList<Q, T>(
  initial: Q,
  fetchPage: (query: Q, cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
): Model<PagedList<T> & { query: Signal<Q> }> {
  // A model, so the effect that follows the query ends with its owner.
  const Following = createModel(() => {
    const query = signal(initial);
    const list = cursorPages<T>((cursor, stale) => fetchPage(query.peek(), cursor, stale));
    followQuery(list, () => query.value);
    return { ...list, query };
  });
  return new Following();
}
