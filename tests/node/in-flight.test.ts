import { describe, expect, it } from 'vitest';
import { describeRequest, inFlight, tracked } from '../../extension/background/in-flight';

describe("the background's list of what it is waiting on", () => {
  it('lists a step while it runs, oldest first, and forgets it once it settles either way', async () => {
    let finish!: () => void;
    let fail!: (e: Error) => void;
    const slow = tracked('fetch', 'GET /api/v1/patients', () => new Promise<void>((r) => (finish = r)));
    const failing = tracked('storage', 'read session', () => new Promise<void>((_, no) => (fail = no)));
    expect(inFlight().map((r) => `${r.kind} ${r.what}`)).toEqual([
      'fetch GET /api/v1/patients',
      'storage read session',
    ]);
    fail(new Error('storage is gone'));
    await expect(failing).rejects.toThrow('storage is gone');
    expect(inFlight().map((r) => r.what)).toEqual(['GET /api/v1/patients']);
    finish();
    await slow;
    expect(inFlight()).toEqual([]);
  });

  it('forgets a step that throws before it returns a promise', () => {
    expect(() =>
      tracked('message', 'api', () => {
        throw new Error('bad input');
      }),
    ).toThrow('bad input');
    expect(inFlight()).toEqual([]);
  });

  it('names a request by method and path, never its query string (it can carry names)', () => {
    expect(describeRequest('http://127.0.0.1:8787/api/v1/patients?q=Maria', { method: 'POST' })).toBe(
      'POST /api/v1/patients',
    );
    expect(describeRequest(new Request('http://x.test/api/v1/leads?q=Ana'))).toBe('GET /api/v1/leads');
  });
});
