import { pagesSummary, type TablePages } from './page-table-pages';

/** "Import the table on this page", then "Add the next page" for a table shown a page at a time. */
export function PageTableButtons(props: {
  pages: TablePages | null;
  busy: boolean;
  onRead: (next: boolean) => void;
}) {
  return (
    <>
      <div class="row wrap">
        <button type="button" class="secondary" disabled={props.busy} onClick={() => props.onRead(false)}>
          Import the table on this page
        </button>
        {props.pages ? (
          <button type="button" class="secondary" disabled={props.busy} onClick={() => props.onRead(true)}>
            Add the next page
          </button>
        ) : null}
      </div>
      {props.pages ? (
        <p class="small" role="status" data-testid="page-table-pages">
          {pagesSummary(props.pages)} Showing the next page of the table? Add it to this preview.
        </p>
      ) : null}
    </>
  );
}
