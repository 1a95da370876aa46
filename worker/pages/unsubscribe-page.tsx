/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import type { UnsubscribeCategory } from '../../shared/schemas/message-templates';
import type { AppEnv } from '../env';
import { TenantDb } from '../lib/tenant-db';
import {
  ALL_CATEGORIES,
  CATEGORY_LABELS,
  findUnsubscribeLink,
  unsubscribe,
} from '../services/automations/unsubscribes';
import { Layout } from './layout';
import { crossOriginPostPageSecurity } from './page-security';

type Link = NonNullable<Awaited<ReturnType<typeof findUnsubscribeLink>>>;

const categoryLabel = (category: string) =>
  category === ALL_CATEGORIES
    ? 'all messages'
    : (CATEGORY_LABELS[category as UnsubscribeCategory] ?? 'these messages');

/** Enough of the address to recognise it, not enough to learn it from a forwarded link. */
const masked = (address: string) =>
  address.replace(/^(.)[^@]*(@.*)?$/, (_, first, domain) => `${first}…${domain ?? ''}`);

const page = (c: Context<AppEnv>, title: string, body: string, status = 200) =>
  c.html(
    <Layout title={title} nonce={c.get('secureHeadersNonce')}>
      <h1>{title}</h1>
      <p>{body}</p>
    </Layout>,
    status as 200,
  );

/**
 * The public unsubscribe page of automation emails, at /unsubscribe/<token>.
 * Opening the link only asks (mail scanners open links); the button, or a
 * mail client's one-click POST (RFC 8058: `List-Unsubscribe=One-Click`),
 * unsubscribes the address from the email's category.
 */
export const unsubscribePages = new Hono<AppEnv>();
unsubscribePages.use('*', crossOriginPostPageSecurity);

unsubscribePages.get('/:token', async (c) => {
  const link = await findUnsubscribeLink(c.var.db, c.req.param('token'));
  if (!link) return page(c, 'Link not found', 'This unsubscribe link is not valid.', 404);
  return c.html(
    <Layout title="Unsubscribe" nonce={c.get('secureHeadersNonce')}>
      <h1>Unsubscribe</h1>
      <p>
        Stop sending {categoryLabel(link.category)} to <strong>{masked(link.address)}</strong>?
      </p>
      <form method="post">
        <button type="submit">Unsubscribe</button>
      </form>
    </Layout>,
  );
});

unsubscribePages.post('/:token', async (c) => {
  const link: Link | null = await findUnsubscribeLink(c.var.db, c.req.param('token'));
  if (!link) return page(c, 'Link not found', 'This unsubscribe link is not valid.', 404);
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const via = form['List-Unsubscribe'] === 'One-Click' ? 'one_click' : 'link';
  const tenant = new TenantDb(c.var.db, link.organizationId);
  await tenant.batch([
    unsubscribe(tenant, link.channel === 'sms' ? 'sms' : 'email', link.address, link.category, via),
    c.var.audit.statement({
      organizationId: link.organizationId,
      action: 'update',
      entityType: 'unsubscribe',
      detail: { channel: link.channel, category: link.category, via },
    }),
  ]);
  return page(
    c,
    'You are unsubscribed',
    `We will not send ${categoryLabel(link.category)} to ${masked(link.address)} any more.`,
  );
});
