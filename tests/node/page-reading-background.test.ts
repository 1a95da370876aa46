import { describe, expect, it, vi } from 'vitest';
import { type BackgroundDeps, createBackgroundHandler } from '../../extension/background/handler';
import { PAGE_ANSWER_MS, PAGE_NOT_ANSWERING } from '../../extension/background/page-answer';
import { matchRequestOf } from '../../extension/features/page-match/match-request';
import type { PageReading } from '../../extension/page-reading/read-page';

const READING: PageReading = {
  identifiers: { firstName: 'Elena', lastName: 'Martinez' },
  from: {},
  url: 'https://ehr.example/face-sheet',
  title: 'Face sheet',
};

/**
 * The background's decision whether to read the tab in front, with the
 * browser's tab, permission and script calls replaced by records of what was
 * asked: which sites are read, and when.
 */
function setup(
  tabUrl: string | null,
  opts: { granted?: string[]; blocklist?: string[]; refuse?: boolean; silent?: boolean } = {},
) {
  const reads: number[] = [];
  // A page that never answers the script run in it.
  const never = () => new Promise<never>(() => undefined);
  const deps: BackgroundDeps = {
    fetch: () => Promise.reject(new Error('no network in this test')),
    auth: { get: async () => ({ kind: 'signed_out' }), set: async () => undefined },
    serverUrl: { get: async () => 'http://127.0.0.1:8787', set: async () => undefined },
    now: () => 0,
    forgetUser: async () => undefined,
    captureTab: {
      active: async () => (tabUrl ? { id: 7, url: tabUrl } : null),
      byId: async () => null,
      extract: opts.silent ? never : () => Promise.reject(new Error('not used')),
    },
    pageReading: {
      granted: async (url) => (opts.granted ?? []).includes(new URL(url).origin),
      read: async (tabId) => {
        if (opts.silent) return never();
        if (opts.refuse) throw new Error('Cannot access contents of the page');
        reads.push(tabId);
        return READING;
      },
      readTable: async () =>
        opts.silent ? never() : opts.refuse ? null : 'Resident,DOB\r\n"Doe, Jane",1940-01-01',
      pick: async () => (opts.refuse ? null : { selector: 'h1.who', text: 'Doe, Jane' }),
    },
    leadOutbox: { get: async () => [], set: async () => undefined },
    captureBlocklist: { get: async () => opts.blocklist ?? [], set: async () => undefined },
  };
  const handle = createBackgroundHandler(deps);
  return { handle, read: (auto: boolean) => handle({ name: 'readPage', input: { auto } }), reads };
}

describe('when the background reads the page in front', () => {
  it('automatically only on a granted site', async () => {
    const granted = setup('https://ehr.example/face-sheet', { granted: ['https://ehr.example'] });
    expect(await granted.read(true)).toEqual({ ok: true, data: { reading: READING } });
    const other = setup('https://portal.example/p/1', { granted: ['https://ehr.example'] });
    expect(await other.read(true)).toEqual({
      ok: true,
      data: { skipped: 'not_granted', origin: 'https://portal.example' },
    });
    expect(other.reads).toEqual([]);
    // Asked for, it reads (the browser's activeTab grant decides).
    expect(await other.read(false)).toEqual({ ok: true, data: { reading: READING } });
  });

  it('never on a never-capture site, even when granted or asked', async () => {
    const blocked = setup('https://mychart.hospital.example/summary', {
      granted: ['https://mychart.hospital.example'],
      blocklist: ['hospital.example'],
    });
    const skipped = {
      ok: true,
      data: { skipped: 'blocked', origin: 'https://mychart.hospital.example', site: 'hospital.example' },
    };
    expect(await blocked.read(true)).toEqual(skipped);
    expect(await blocked.read(false)).toEqual(skipped);
    expect(blocked.reads).toEqual([]);
    const table = await blocked.handle({ name: 'readPageTable', input: undefined });
    expect(table.ok ? table.data : table.error.message).toBe(
      'Reading is turned off for hospital.example in Settings.',
    );
  });

  it('hands over the table in front as CSV when asked, or says there is none', async () => {
    const census = setup('https://ehr.example/census');
    expect(await census.handle({ name: 'readPageTable', input: undefined })).toEqual({
      ok: true,
      data: { csv: 'Resident,DOB\r\n"Doe, Jane",1940-01-01' },
    });
    const none = await setup('https://ehr.example/', { refuse: true }).handle({
      name: 'readPageTable',
      input: undefined,
    });
    expect(none.ok ? none.data : none.error.message).toBe('There is no table of rows on this page.');
  });

  it('not on browser pages, and says how to allow it when the browser refuses', async () => {
    expect(await setup('chrome://extensions').read(false)).toEqual({
      ok: true,
      data: { skipped: 'not_a_page' },
    });
    expect(await setup(null).read(true)).toEqual({ ok: true, data: { skipped: 'not_a_page' } });
    const refused = setup('https://ehr.example/', { refuse: true });
    const reply = await refused.read(false);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/click its toolbar button/);
    expect(await refused.read(true)).toEqual({
      ok: true,
      data: { skipped: 'not_granted', origin: 'https://ehr.example' },
    });
  });
});

describe('what the panel sends to match', () => {
  it('only identifiers within the API limits, and nothing when they identify nobody', () => {
    expect(matchRequestOf({ firstName: 'Elena', roomNumber: '214-B' })).toBeNull();
    expect(matchRequestOf({ lastName: 'Martinez', roomNumber: 'x'.repeat(21) })).toEqual({
      lastName: 'Martinez',
    });
    expect(matchRequestOf({ addressLine1: '1200 Orchard Ln', postalCode: '97301' })).toEqual({
      addressLine1: '1200 Orchard Ln',
      postalCode: '97301',
    });
  });
});

describe('a page that never answers the reading script', () => {
  it('ends the capture and the table read with a message after the time limit, not "Reading…" for ever', async () => {
    vi.useFakeTimers();
    try {
      const { handle } = setup('https://mail.example/inbox', { silent: true });
      const capture = handle({ name: 'captureLead', input: {} });
      const table = handle({ name: 'readPageTable', input: undefined });
      await vi.advanceTimersByTimeAsync(PAGE_ANSWER_MS - 1);
      let settled = false;
      void capture.then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      for (const reply of [await capture, await table])
        expect(reply).toEqual({
          ok: false,
          error: { code: 'page_not_answering', message: PAGE_NOT_ANSWERING },
        });
    } finally {
      vi.useRealTimers();
    }
  });
});
