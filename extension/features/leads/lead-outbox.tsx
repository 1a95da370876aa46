import { count } from '../../../shared/words';
import type { QueuedLead } from '../../utils/messages';

/**
 * Captures kept in the extension while the server was out of reach, and any
 * the server refused (those wait for a person: "Fix" reopens the form).
 */
export function LeadOutbox(props: {
  waiting: QueuedLead[];
  onSendNow: () => void;
  onDiscard: (q: QueuedLead) => void;
  onFix: (q: QueuedLead) => void;
}) {
  if (!props.waiting.length) return null;
  const pending = props.waiting.filter((q) => !q.refused);
  const refused = props.waiting.filter((q) => q.refused);
  return (
    <div class="alert" role="status" data-testid="lead-outbox">
      {pending.length ? (
        <p>
          {count(pending.length, 'captured lead')} waiting for the server:{' '}
          {pending.map((q) => q.name).join(', ')}. They are sent automatically, and kept until the browser
          closes.{' '}
          <button type="button" class="link" onClick={props.onSendNow}>
            Send now
          </button>
        </p>
      ) : null}
      {refused.map((q) => (
        <p key={q.idempotencyKey}>
          Not saved: {q.name} ({q.refused}){' '}
          <button type="button" class="link" onClick={() => props.onFix(q)}>
            Fix
          </button>{' '}
          <button type="button" class="link" onClick={() => props.onDiscard(q)}>
            Discard
          </button>
        </p>
      ))}
    </div>
  );
}
