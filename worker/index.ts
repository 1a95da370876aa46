import { app } from './app';
import { runScheduled } from './cron/scheduled';
import type { Bindings } from './env';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env));
  },
} satisfies ExportedHandler<Bindings>;
