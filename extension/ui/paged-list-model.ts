import {
  action,
  computed,
  createModel,
  effect,
  type Model,
  signal,
  untracked,
  useModel,
} from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { apiCall, type Page } from '../utils/use-api';

function pagedListState<T>(initialPath: string) {
  const path = signal(initialPath);
  const items = signal<T[]>([]);
  const cursor = signal<string | null>(null);
  const loading = signal(true);
  const error = signal<string | null>(null);
  // Only the newest request may write: a slow first page must not land after a new search's.
  let latest = 0;

  const load = action(async (after: string | null) => {
    const request = ++latest;
    const base = path.peek();
    loading.value = true;
    error.value = null;
    try {
      const sep = base.includes('?') ? '&' : '?';
      const page = await apiCall<Page<T>>(
        'GET',
        after ? `${base}${sep}cursor=${encodeURIComponent(after)}` : base,
      );
      if (request !== latest) return;
      items.value = after ? [...items.peek(), ...page.items] : page.items;
      cursor.value = page.nextCursor;
    } catch (e) {
      if (request === latest) error.value = (e as Error).message;
    } finally {
      if (request === latest) loading.value = false;
    }
  });

  effect(() => {
    path.value;
    untracked(() => load(null));
  });

  return {
    path,
    items,
    loading,
    error,
    hasMore: computed(() => cursor.value !== null),
    more: action(() => load(cursor.peek())),
    reload: action(() => load(null)),
  };
}

export type PagedList<T> = Model<ReturnType<typeof pagedListState<T>>>;

/** A cursor-paged list at `path`: first page at once, `more()` appends, `reload()` starts over, a new path reloads. */
export function createPagedList<T>(path: string): PagedList<T> {
  const PagedListModel = createModel((p: string) => pagedListState<T>(p));
  return new PagedListModel(path);
}

/** A paged list owned by one component, following its path as filters change. */
export function usePagedList<T>(path: string): PagedList<T> {
  const list = useModel(() => createPagedList<T>(path));
  useEffect(() => {
    list.path.value = path;
  }, [list, path]);
  return list;
}
