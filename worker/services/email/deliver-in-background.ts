import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { emailAdapterFor } from './email-adapters';
import { deliverOutbox } from './outbox';

/**
 * Delivers just-queued messages after the response; whatever fails here the
 * cron trigger retries, so the request never waits on the email provider.
 */
export function deliverInBackground(c: Context<AppEnv>, ids: string[]) {
  const work = deliverOutbox(c.var.db, emailAdapterFor(c.env), ids).catch((e: unknown) =>
    console.error(
      JSON.stringify({
        level: 'error',
        what: 'outbox delivery',
        message: e instanceof Error ? e.message : String(e),
      }),
    ),
  );
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (some test harnesses): the promise still runs.
  }
}
