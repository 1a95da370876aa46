import type { ComponentChildren } from 'preact';
import type { PagedList } from './paged-list-model';
import { ShowMore } from './show-more';

/**
 * The list screen every area shares: its filters, the error, the empty state,
 * the rows and the next page.
 */
export function SearchList<T>(props: {
  list: PagedList<T>;
  filters?: ComponentChildren;
  label: string;
  testId?: string;
  /** The empty state's text; marked `empty-state` for the tests unless `plainEmpty`. */
  empty: string;
  plainEmpty?: boolean;
  row: (item: T) => ComponentChildren;
}) {
  const { list } = props;
  const loading = list.loading.value;
  const items = list.items.value;
  return (
    <>
      {props.filters}
      {list.error.value ? <p class="alert error">{list.error.value}</p> : null}
      {!loading && items.length === 0 ? (
        props.plainEmpty ? (
          <p class="empty">{props.empty}</p>
        ) : (
          <p class="empty" data-testid="empty-state">
            {props.empty}
          </p>
        )
      ) : null}
      <ul class="list" aria-label={props.label} aria-busy={loading} data-testid={props.testId}>
        {items.map(props.row)}
      </ul>
      <ShowMore list={{ hasMore: list.hasMore.value, loading, more: list.more }} />
    </>
  );
}
