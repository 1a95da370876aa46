import { action, computed, signal } from '@preact/signals';

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A cursor-paged list for a model: `reload()` starts over, `more()` appends
 * the next page. `fetchPage` asks for the page after a cursor (none for the
 * first). An answer overtaken by a newer load is dropped, so a fast typist
 * never sees an older search land last.
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
      items.value = after ? [...items.value, ...page.items] : page.items;
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
    more: action(() => load(cursor.value)),
    reload: action(() => load(null)),
  };
}
