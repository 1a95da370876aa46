import { ApiError } from '../utils/api-client';
import type { QueuedLead, SavedLeadReply } from '../utils/messages';
import type { BackgroundDeps, Core, Handlers } from './context';

/** Saving captured leads, queueing them while the server is unreachable. */
export function leadOutboxHandlers(
  deps: BackgroundDeps,
  core: Core,
): Pick<Handlers, 'saveLead' | 'flushLeadOutbox' | 'discardQueuedLead'> {
  const { authed, mine } = core;

  /**
   * Sends queued captures in order, each with the key it was queued under, so
   * the server creates each lead once however often this runs (two runs at
   * once included). Stops at the first network failure; a refusal is kept for
   * a person to fix instead of being retried.
   */
  async function flushOutbox(): Promise<{ sent: number; waiting: QueuedLead[] }> {
    let sent = 0;
    for (const item of await mine(await deps.leadOutbox.get())) {
      if (item.refused) continue;
      try {
        await authed('/api/v1/leads', {
          method: 'POST',
          body: item.body,
          headers: { 'Idempotency-Key': item.idempotencyKey },
        });
        sent++;
        await deps.leadOutbox.set(
          (await deps.leadOutbox.get()).filter((q) => q.idempotencyKey !== item.idempotencyKey),
        );
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) break;
        // A 409 with Retry-After is another run sending this one right now.
        if (e.status === 409 && e.failure.retryAfterSeconds) continue;
        await deps.leadOutbox.set(
          (await deps.leadOutbox.get()).map((q) =>
            q.idempotencyKey === item.idempotencyKey ? { ...q, refused: e.failure.message } : q,
          ),
        );
      }
    }
    return { sent, waiting: await mine(await deps.leadOutbox.get()) };
  }

  return {
    async saveLead({ body, idempotencyKey }) {
      const auth = await deps.auth.get();
      if (auth.kind !== 'session')
        throw new ApiError(401, { code: 'unauthenticated', message: 'Sign in to continue.' });
      try {
        return await authed<Exclude<SavedLeadReply, { queued: true }>>('/api/v1/leads', {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        });
      } catch (e) {
        // Only an unreachable server queues: a refusal must be seen and fixed now.
        if (!(e instanceof ApiError) || (e.status !== 0 && e.status < 500)) throw e;
        const name = `${String(body.firstName ?? '')} ${String(body.lastName ?? '')}`.trim();
        const queue = await deps.leadOutbox.get();
        if (!queue.some((q) => q.idempotencyKey === idempotencyKey))
          await deps.leadOutbox.set([
            ...queue,
            {
              idempotencyKey,
              body,
              name,
              queuedAt: deps.now(),
              userId: auth.me.user.id,
              organizationId: auth.me.organization.id,
            },
          ]);
        return { queued: true as const, name };
      }
    },
    async flushLeadOutbox() {
      return flushOutbox();
    },
    async discardQueuedLead({ idempotencyKey }) {
      const waiting = (await deps.leadOutbox.get()).filter((q) => q.idempotencyKey !== idempotencyKey);
      await deps.leadOutbox.set(waiting);
      return { waiting: await mine(waiting) };
    },
  };
}
