import { useModel } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { createPagedList, type Page, type PagedList } from './paged-list-model';

/**
 * A paged list owned by one component, reloading when its query's contents
 * change (the query is compared by value, so a new object with the same
 * filters does not refetch).
 */
export function usePagedList<Q, T>(
  query: Q,
  fetchPage: (query: Q, cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
): PagedList<T> {
  const list = useModel(() => createPagedList<Q, T>(query, fetchPage));
  const key = JSON.stringify(query);
  useEffect(() => {
    if (JSON.stringify(list.query.peek()) !== key) list.query.value = query;
  }, [list, key]);
  return list;
}
