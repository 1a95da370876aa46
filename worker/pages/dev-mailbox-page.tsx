/** @jsxImportSource hono/jsx */
import type { OutboxMessage } from '../services/email/list-outbox-messages';
import { Layout } from './layout';

/** The local email adapter's inbox as a page (development only). */
export function DevMailboxPage({ messages }: { messages: OutboxMessage[] }) {
  return (
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
          {m.attachments.map((a) => (
            <p>
              Attachment:{' '}
              <a href={`/dev/mailbox/attachments/${a.id}`} download={a.fileName}>
                {a.fileName}
              </a>{' '}
              <span class="muted">
                ({a.contentType}, {Math.ceil(a.size / 1024)} KB)
              </span>
            </p>
          ))}
        </article>
      ))}
    </Layout>
  );
}
