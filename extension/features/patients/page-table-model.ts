import { action, createModel, signal } from '@preact/signals';
import { parseCsv } from '../../../shared/roster/csv';
import { toCsv } from '../../page-reading/page-tables';
import { sendMessage } from '../../utils/send-message';
import { addTablePage, type TablePages } from './page-table-pages';

/**
 * The table on the page in front, read page after page into one roster: each
 * page's rows join those of the pages before (repeats left out), and the
 * whole goes through the preview as one file.
 */
export const PageTableModel = createModel(() => {
  const collected = signal<TablePages | null>(null);
  return {
    collected,
    /**
     * Reads the page's table into the collection (a fresh one unless `next`);
     * answers the whole table as a CSV file, or null when the page added nothing.
     */
    read: action(async (next: boolean): Promise<File | null> => {
      const { csv } = await sendMessage('readPageTable', undefined);
      const added = addTablePage(next ? collected.peek() : null, parseCsv(csv));
      collected.value = added;
      if (next && added.lastAdded === 0) return null;
      return new File([toCsv(added.rows)], 'table-on-this-page.csv', { type: 'text/csv' });
    }),
    reset: action(() => {
      collected.value = null;
    }),
  };
});
