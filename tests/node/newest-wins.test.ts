import { describe, expect, it } from 'vitest';
import { newestWins } from '../../extension/ui/newest-wins';

/** A read that answers (or fails) when the test says so. */
function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('a page that reloads after a change', () => {
  it('keeps the reload when the first, slower load answers after it', async () => {
    const keepNewest = newestWins();
    const shown: string[] = [];
    const first = pending<string>();
    const reload = pending<string>();
    const loading = keepNewest(
      () => first.promise,
      (v) => shown.push(v),
    );
    const reloading = keepNewest(
      () => reload.promise,
      (v) => shown.push(v),
    );
    reload.resolve('after the save');
    await reloading;
    first.resolve('before the save');
    await loading;
    expect(shown).toEqual(['after the save']);
  });

  it("drops an older load's failure but reports the newest one's", async () => {
    const keepNewest = newestWins();
    const first = pending<string>();
    const loading = keepNewest(
      () => first.promise,
      () => undefined,
    );
    const shown: string[] = [];
    await keepNewest(
      async () => 'fresh',
      (v) => shown.push(v),
    );
    first.reject(new Error('old failure'));
    await expect(loading).resolves.toBeUndefined();
    expect(shown).toEqual(['fresh']);
    await expect(
      keepNewest(
        () => Promise.reject(new Error('now')),
        () => undefined,
      ),
    ).rejects.toThrow('now');
  });
});
