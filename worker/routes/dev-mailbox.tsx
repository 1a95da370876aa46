/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { Db } from '../../db/client';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { DevMailboxPage } from '../pages/dev-mailbox-page';
import { DevPhonePage } from '../pages/dev-phone-page';
import { listOutboxMessages, outboxAttachment } from '../services/email/list-outbox-messages';

const textMessages = async (db: Db) => (await listOutboxMessages(db)).filter((m) => m.channel === 'sms');

/**
 * The local email adapter's inbox, and the local SMS adapter's phone. Exists only when ENVIRONMENT=development;
 * anywhere else it answers 404 like any unknown path.
 */
export const devMailboxRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    if (c.env.ENVIRONMENT !== 'development') throw new AppError('not_found', 'Not found');
    await next();
  })
  .get('/phone.json', async (c) => c.json({ items: await textMessages(c.var.db) }, 200))
  .get('/phone', async (c) => c.html(<DevPhonePage messages={await textMessages(c.var.db)} />))
  .get('/mailbox.json', async (c) => c.json({ items: await listOutboxMessages(c.var.db) }, 200))
  .get('/mailbox', async (c) => c.html(<DevMailboxPage messages={await listOutboxMessages(c.var.db)} />))
  .get('/mailbox/attachments/:id', async (c) => {
    const file = await outboxAttachment(c.var.db, c.req.param('id'));
    if (!file) throw new AppError('not_found', 'Not found');
    return c.body(file.bytes, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });
