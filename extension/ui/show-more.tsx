/** The next page of a cursor-paged list, when there is one. */
export function ShowMore({ list }: { list: { hasMore: boolean; loading: boolean; more: () => void } }) {
  if (!list.hasMore) return null;
  return (
    <button type="button" class="secondary" onClick={list.more} disabled={list.loading}>
      {list.loading ? 'Loading…' : 'Show more'}
    </button>
  );
}
