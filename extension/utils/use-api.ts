import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from './send-message';

export type Page<T> = { items: T[]; nextCursor: string | null };

export function apiCall<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  return sendMessage('api', {
    method,
    path,
    ...(body === undefined ? {} : { body }),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  }).then((answer) => (answer.body ?? null) as T);
}

/** A cursor-paged list: first page on mount, `more()` appends, `reload()` starts over. */
export function usePagedList<T>(path: string) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const sep = path.includes('?') ? '&' : '?';
        const page = await apiCall<Page<T>>(
          'GET',
          after ? `${path}${sep}cursor=${encodeURIComponent(after)}` : path,
        );
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [path],
  );

  useEffect(() => {
    load(null);
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    more: () => load(cursor),
    reload: () => load(null),
  };
}
