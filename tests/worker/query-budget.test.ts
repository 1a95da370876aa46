import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { BASE, loginAs } from './helpers';

/** Wraps the D1 binding to count what the worker sends: single statements and batches. */
function countingD1(db: D1Database) {
  const counts = { statements: 0, batches: 0 };
  const wrapStatement = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(value.apply(target, args));
        if (['all', 'raw', 'first', 'run'].includes(String(prop))) {
          return (...args: unknown[]) => {
            counts.statements++;
            return value.apply(target, args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  // The worker reads through a D1 session (withSession): its statements are counted too.
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop, t);
        if (typeof value !== 'function') return value;
        if (prop === 'prepare') return (sql: string) => wrapStatement(value.call(t, sql));
        if (prop === 'batch') {
          return (statements: D1PreparedStatement[]) => {
            counts.batches++;
            return value.call(t, statements);
          };
        }
        if (prop === 'withSession') return (...args: unknown[]) => counting(value.apply(t, args));
        return value.bind(t);
      },
    });
  const proxied = counting(db);
  return { db: proxied, counts };
}

describe('database cost of a signed-in request', () => {
  it('GET /api/v1/me costs one read and one batched write (the audit event)', async () => {
    const token = await loginAs('doctor');
    const { db, counts } = countingD1(env.DB);
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${BASE}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } }),
      { ...env, DB: db },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(counts).toEqual({ statements: 1, batches: 1 });
  });
});
