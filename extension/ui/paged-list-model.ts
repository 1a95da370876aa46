import {
  action,
  computed,
  createModel,
  effect,
  type Model,
  type Signal,
  signal,
  untracked,
  useModel,
} from '@preact/signals';
import { useEffect } from 'preact/hooks';

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A cursor-paged list for a model: `reload()` starts over, `more()` appends
 * the next page. `fetchPage` asks for the page after a cursor (none for the
 * first), usually `call(api.x.$get({ query: { cursor } }))`. An answer
 * overtaken by a newer load is dropped, so a fast typist never sees an older
 * search land last.
 */
export function cursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const items = signal<T[]>([]);
  const cursor = signal<string | null>(null);
  const loading = signal(true);
  const error = signal<string | null>(null);
  let latest = 0;

  const load = async (after: string | null) => {
    const ticket = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(after ?? undefined);
      if (ticket !== latest) return;
      items.value = after ? [...items.peek(), ...page.items] : page.items;
      cursor.value = page.nextCursor;
    } catch (e) {
      if (ticket === latest) error.value = (e as Error).message;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  };

  return {
    items,
    loading,
    error,
    hasMore: computed(() => cursor.value !== null),
    more: action(() => load(cursor.peek())),
    reload: action(() => load(null)),
  };
}

export type PagedList<T> = ReturnType<typeof cursorPages<T>>;

/** A paged list that follows a query: the first page at once, and again whenever `query` changes. */
export function createPagedList<Q, T>(
  initial: Q,
  fetchPage: (query: Q, cursor: string | undefined) => Promise<Page<T>>,
): Model<PagedList<T> & { query: Signal<Q> }> {
  // A model, so the effect that follows the query ends with its owner.
  const Following = createModel(() => {
    const query = signal(initial);
    const list = cursorPages<T>((cursor) => fetchPage(query.peek(), cursor));
    effect(() => {
      query.value;
      untracked(() => list.reload());
    });
    return { ...list, query };
  });
  return new Following();
}

/**
 * A paged list owned by one component, reloading when its query's contents
 * change (the query is compared by value, so a new object with the same
 * filters does not refetch).
 */
export function usePagedList<Q, T>(
  query: Q,
  fetchPage: (query: Q, cursor: string | undefined) => Promise<Page<T>>,
): PagedList<T> {
  const list = useModel(() => createPagedList<Q, T>(query, fetchPage));
  const key = JSON.stringify(query);
  useEffect(() => {
    if (JSON.stringify(list.query.peek()) !== key) list.query.value = query;
  }, [list, key]);
  return list;
}
