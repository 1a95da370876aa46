import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countText } from '../../extension/ui/count-text';
import {
  createPagedList,
  cursorPages,
  type Page,
  SEARCH_DEBOUNCE_MS,
} from '../../extension/ui/paged-list-model';

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const calls: {
    cursor?: string;
    query?: unknown;
    signal: AbortSignal;
    answer: (p: Page<string>) => void;
  }[] = [];
  const fetchPage = (cursor: string | undefined, signal: AbortSignal, query?: unknown) =>
    new Promise<Page<string>>((resolve) => calls.push({ cursor, query, signal, answer: resolve }));
  return { calls, fetchPage };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('the paged list model', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('sends one search when typing pauses, not one per key', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = createPagedList<{ q: string }, string>({ q: '' }, (query, cursor, signal) =>
      fetchPage(cursor, signal, query),
    );
    expect(calls).toHaveLength(1);
    for (const q of ['m', 'ma', 'mar', 'mari', 'maria']) {
      list.query.value = { q };
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS / 3);
    }
    expect(calls).toHaveLength(1);
    expect(list.loading.value).toBe(true);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.query).toEqual({ q: 'maria' });
    // The first page, asked before typing began, is stale now: aborted, and never shown.
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.answer({ items: ['Maria Garcia'], nextCursor: null });
    calls[0]!.answer({ items: ['Everyone'], nextCursor: 'c1' });
    await settle();
    expect(list.items.value).toEqual(['Maria Garcia']);
    expect(list.loading.value).toBe(false);
  });

  it('drops an answer overtaken by a newer load, whichever lands last', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = cursorPages<string>((cursor, signal) => fetchPage(cursor, signal));
    list.reload();
    list.reload();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.answer({ items: ['new'], nextCursor: 'next' });
    await settle();
    calls[0]!.answer({ items: ['old'], nextCursor: null });
    await settle();
    expect(list.items.value).toEqual(['new']);
    expect(list.hasMore.value).toBe(true);
    list.more();
    expect(calls[2]!.cursor).toBe('next');
    calls[2]!.answer({ items: ['after'], nextCursor: null });
    await settle();
    expect(list.items.value).toEqual(['new', 'after']);
    expect(list.hasMore.value).toBe(false);
  });

  it('shows a capped count as "1,000+"', () => {
    expect(countText(1000, true)).toBe('1,000+');
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('1,000');
  });
});
