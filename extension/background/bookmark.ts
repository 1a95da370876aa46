/**
 * D1 read replicas: every answer carries the database's bookmark after the
 * request, and sending the newest one back makes the next request read at
 * least that far, so a list read right after a save shows the save even when
 * a replica answers. Kept in memory: after the service worker restarts, the
 * first request simply reads wherever the server chooses.
 */
export function followBookmarks(fetcher: typeof fetch): typeof fetch {
  let newest: string | null = null;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (newest) headers.set('X-D1-Bookmark', newest);
    const res = await fetcher(input, { ...init, headers });
    newest = res.headers.get('X-D1-Bookmark') ?? newest;
    return res;
  };
}
