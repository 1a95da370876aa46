import { textOf } from '../capture/dom-text';
import type { PageDocument, PageElement } from '../capture/page-dom';

// The roster import's own limit is 5,000 rows; a page table past it is cut, not refused here.
const MAX_ROWS = 5001;
const MAX_TABLES = 200;

/** A table's cells as text, row by row, without the cells of tables nested inside it. */
function cellsOf(table: PageElement): string[][] {
  const rows = Array.from(table.querySelectorAll('tr'))
    .filter((r) => r.closest('table') === table)
    .slice(0, MAX_ROWS);
  return rows
    .map((r) =>
      Array.from(r.querySelectorAll('th, td'))
        .filter((c) => c.closest('tr') === r)
        .map((c) => textOf(c, 500)),
    )
    .filter((cells) => cells.some(Boolean));
}

/**
 * The page's table of people: the one with the most rows of two or more
 * cells (a census, a report preview), as rows of text. Finding the header
 * row and the columns is left to the roster import, which does it for files.
 */
export function largestTable(doc: PageDocument): string[][] | null {
  let best: string[][] | null = null;
  for (const table of Array.from(doc.querySelectorAll('table')).slice(0, MAX_TABLES)) {
    const rows = cellsOf(table);
    const wide = rows.filter((r) => r.length >= 2).length;
    if (wide >= 2 && wide > (best?.filter((r) => r.length >= 2).length ?? 0)) best = rows;
  }
  return best;
}

const quoted = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** Rows as CSV, the form the roster import reads. */
export const toCsv = (rows: string[][]) => rows.map((r) => r.map(quoted).join(',')).join('\r\n');
