import { app } from './app';
import { runScheduled } from './cron/scheduled';
import type { Bindings } from './env';
import { consumeSends } from './services/automations/consume-sends';
import type { AutomationSend } from './services/automations/send-queue';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env));
  },
  async queue(batch, env) {
    await consumeSends(batch, env);
  },
} satisfies ExportedHandler<Bindings, AutomationSend>;
