// A paginated census read page by page into one table for one roster preview.

/** The rows collected so far, how many pages gave them, and what the last page added. */
export type TablePages = {
  pages: number;
  rows: string[][];
  lastAdded: number;
  lastRepeated: number;
};

/** Cells compared as a person reads them: spacing and case aside. */
const rowKey = (cells: string[]) =>
  cells.map((c) => c.trim().replace(/\s+/g, ' ').toLowerCase()).join('\u001f');

/**
 * One more page of the table: its rows already collected from earlier pages
 * (the header row again, a title line, a resident shown at the foot of one
 * page and the head of the next, the same page added twice) are left out.
 * Repeats within one page stay, so the preview can still flag them.
 */
export function addTablePage(collected: TablePages | null, page: string[][]): TablePages {
  if (!collected) return { pages: 1, rows: page, lastAdded: page.length, lastRepeated: 0 };
  const seen = new Set(collected.rows.map(rowKey));
  const fresh = page.filter((cells) => !seen.has(rowKey(cells)));
  return {
    pages: collected.pages + 1,
    rows: [...collected.rows, ...fresh],
    lastAdded: fresh.length,
    lastRepeated: page.length - fresh.length,
  };
}

/** What the person is told after each page. */
export function pagesSummary(t: TablePages): string {
  const pages = `${t.pages} ${t.pages === 1 ? 'page' : 'pages'}`;
  if (t.pages === 1) return `${pages} read: ${t.rows.length} lines of the table.`;
  if (t.lastAdded === 0)
    return `${pages} read: this page added nothing new (its ${t.lastRepeated} lines were already in). Move to the next page of the table first.`;
  const repeated = t.lastRepeated ? `, ${t.lastRepeated} already in left out` : '';
  return `${pages} read: ${t.lastAdded} new lines from this page${repeated}.`;
}
