import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** A request that took longer than this is logged when it ends. */
export const SLOW_REQUEST_MS = 2_000;
/** A request still running this long is logged while it runs: one that never ends would never be logged otherwise. */
export const STILL_RUNNING_MS = 10_000;

/**
 * Logs slow and stalled requests to the runtime's log (Workers Logs in
 * production, the terminal locally) with method, path, status, time and
 * request id, so a stall can be found and joined to the client's report.
 * Only the path is logged, never the query string: searches carry names.
 */
export const slowRequests = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  const what = () =>
    `${c.req.method} ${new URL(c.req.url).pathname} (request ${c.var.requestId ?? 'unknown'})`;
  const stalled = setTimeout(
    () => console.warn(`Still running after ${STILL_RUNNING_MS} ms: ${what()}`),
    STILL_RUNNING_MS,
  );
  try {
    await next();
  } finally {
    clearTimeout(stalled);
    const ms = Date.now() - started;
    if (ms >= SLOW_REQUEST_MS) console.warn(`Slow request: ${what()} answered ${c.res.status} in ${ms} ms`);
  }
});
