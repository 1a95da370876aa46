import { describe, expect, it } from 'vitest';
import { followBookmarks } from '../../extension/background/bookmark';

const bookmark = (n: number) => `00000000-0000000${n}-00000000-${'0'.repeat(32)}`;

describe('D1 bookmarks between the background and the worker', () => {
  it('sends back the newest bookmark it was given, and keeps it when an answer has none', async () => {
    const sent: (string | null)[] = [];
    const answers = [bookmark(1), null, bookmark(2)];
    const fetcher = followBookmarks(async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers).get('X-D1-Bookmark'));
      const next = answers.shift();
      return new Response('{}', { headers: next ? { 'X-D1-Bookmark': next } : {} });
    });
    for (let i = 0; i < 4; i++)
      await fetcher('https://api.test/api/v1/me', { headers: { Accept: 'application/json' } });
    expect(sent).toEqual([null, bookmark(1), bookmark(1), bookmark(2)]);
  });
});
