/** @jsxImportSource hono/jsx */
import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { outboxMessages } from '../../db/schema';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { Layout } from '../pages/layout';

/**
 * The local email adapter's inbox. Exists only when ENVIRONMENT=development;
 * anywhere else it answers 404 like any unknown path.
 */
export const devMailboxRoutes = new Hono<AppEnv>();

devMailboxRoutes.use('*', async (c, next) => {
  if (c.env.ENVIRONMENT !== 'development') throw new AppError('not_found', 'Not found');
  await next();
});

async function latest(c: { var: AppEnv['Variables'] }) {
  return c.var.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(100);
}

devMailboxRoutes.get('/mailbox.json', async (c) => c.json({ items: await latest(c) }, 200));

devMailboxRoutes.get('/mailbox', async (c) => {
  const messages = await latest(c);
  return c.html(
    <Layout title="Dev mailbox">
      <h1>Dev mailbox</h1>
      <p class="muted">Email sent by the local adapter (development only). Newest first.</p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      {messages.map((m) => (
        <article class="card">
          <h2>{m.subject}</h2>
          <p class="muted">
            To {m.recipient} · {m.createdAt} · {m.status}
          </p>
          <pre>{m.bodyText}</pre>
        </article>
      ))}
    </Layout>,
  );
});
