/** @jsxImportSource hono/jsx */
import type { OutboxMessage } from '../services/email/list-outbox-messages';
import { Layout } from './layout';

/** The local SMS adapter's phone (development only): text messages, beside the dev mailbox. */
export function DevPhonePage({ messages }: { messages: OutboxMessage[] }) {
  return (
    <Layout title="Dev phone">
      <h1>Dev phone</h1>
      <p class="muted">Text messages sent by the local SMS adapter (development only). Newest first.</p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      {messages.map((m) => (
        <article class="card">
          <p class="muted">
            To {m.recipient} · {m.createdAt} · {m.status}
          </p>
          <pre>{m.bodyText}</pre>
        </article>
      ))}
    </Layout>
  );
}
