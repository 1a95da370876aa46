import { useEffect, useRef } from 'preact/hooks';

/** How far below the visible part of the list the next page starts loading, so scrolling rarely waits. */
const AHEAD = '300px';

/**
 * The next page of a cursor-paged list, when there is one: loaded as the end
 * of the list scrolls into view (an IntersectionObserver on a sentinel), with
 * a "Load more" button for the keyboard, and where scrolling does not reach.
 */
export function ShowMore({ list }: { list: { hasMore: boolean; loading: boolean; more: () => void } }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loading, more } = list;
  useEffect(() => {
    const end = sentinel.current;
    if (!end || !hasMore || loading || typeof IntersectionObserver === 'undefined') return;
    // Observed afresh after every page: a sentinel still in view after a short page loads the next one too.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          more();
        }
      },
      { rootMargin: `0px 0px ${AHEAD} 0px` },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [hasMore, loading, more]);
  if (!hasMore) return null;
  return (
    <div class="load-more" ref={sentinel} data-testid="load-more">
      <button type="button" class="secondary" onClick={more} disabled={loading}>
        {loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
