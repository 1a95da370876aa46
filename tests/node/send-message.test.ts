import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The browser's messaging, standing in for Chrome's: each call is answered (or
// not) by the test, so a message lost between the panel and the service worker
// can be played out.
const sent: { name: string; input: unknown; answer: (reply: unknown) => void }[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      sendMessage: (message: { name: string; input: unknown }) =>
        new Promise((answer) => sent.push({ ...message, answer })),
    },
  },
}));

const { READ_RESENT_AFTER_MS, sendMessage } = await import('../../extension/utils/send-message');

beforeEach(() => {
  sent.length = 0;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

const read = { method: 'GET' as const, path: '/api/v1/leads' };

describe('messages from the panel to the background', () => {
  it('asks again once for a read whose message went unanswered, and takes the answer that comes', async () => {
    const reply = sendMessage('api', read);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(READ_RESENT_AFTER_MS);
    expect(sent).toHaveLength(2);
    sent[1]!.answer({ ok: true, data: { status: 200, body: { items: [] } } });
    await expect(reply).resolves.toEqual({ status: 200, body: { items: [] } });
  });

  it('keeps the first answer when it comes before the pause, and never sends a write twice', async () => {
    const reply = sendMessage('api', read);
    sent[0]!.answer({ ok: true, data: { status: 200, body: 'first' } });
    await expect(reply).resolves.toEqual({ status: 200, body: 'first' });
    const write = sendMessage('api', { method: 'POST', path: '/api/v1/leads', body: {} });
    await vi.advanceTimersByTimeAsync(READ_RESENT_AFTER_MS * 3);
    expect(sent.map((s) => (s.input as { method: string }).method)).toEqual(['GET', 'POST']);
    sent[1]!.answer({ ok: true, data: { status: 201, body: 'made' } });
    await expect(write).resolves.toEqual({ status: 201, body: 'made' });
  });
});
