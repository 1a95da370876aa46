import type { Letter } from '../../../shared/schemas/referral-letters';

/** Letters as rows that open the letter: the queue, a provider's page, a referral. */
export function LetterRow(props: { letter: Letter; onOpen: (id: string) => void; showProvider?: boolean }) {
  const l = props.letter;
  return (
    <li data-testid="letter-row" data-kind={l.kind} data-status={l.status}>
      <button type="button" class="row-link" onClick={() => props.onOpen(l.id)}>
        <strong>{l.label}</strong>
        <span class="muted small">
          {props.showProvider ? `${l.providerName} · ` : ''}
          {l.patientName}
        </span>
        <span class="muted small">
          {l.status === 'sent'
            ? `Sent by ${l.sentVia} ${l.sentAt?.slice(0, 10) ?? ''}`
            : `Queued ${l.createdAt.slice(0, 10)}`}
        </span>
      </button>
    </li>
  );
}
