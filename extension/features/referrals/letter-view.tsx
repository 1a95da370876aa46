import { useModel } from '@preact/signals';
import type { Me } from '../../utils/messages';
import { LetterViewModel } from './letter-view-model';

/** A letter as the referrer will read it, with send (email, or fax/mail after download) and download. */
export function LetterView(props: { me: Me; letterId: string; onBack: () => void; backLabel: string }) {
  const model = useModel(() => new LetterViewModel(props.letterId));
  const letter = model.letter.value;
  const notice = model.notice.value;
  const canSend = props.me.permissions.includes('referral:send_letters');
  const busy = model.busy.value;
  return (
    <section class="area" aria-labelledby="letter-title" data-testid="letter-view">
      <button type="button" class="link" onClick={props.onBack}>
        ← {props.backLabel}
      </button>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {letter ? (
        <>
          <h3 id="letter-title">{letter.label}</h3>
          <p class="muted small">
            To {letter.providerName} · about {letter.patientName} ·{' '}
            {letter.status === 'sent'
              ? `sent by ${letter.sentVia} ${letter.sentAt?.slice(0, 10) ?? ''}`
              : `queued ${letter.createdAt.slice(0, 10)} · prefers ${letter.letterPreference}`}
          </p>
          <article class="letter-preview" data-testid="letter-text">
            <p>
              <strong>{letter.subject}</strong>
            </p>
            <p class="small pre-line">{letter.body}</p>
          </article>
          {canSend ? (
            <div class="actions">
              {letter.status === 'queued' && letter.providerEmail ? (
                <button type="button" class="primary" disabled={busy} onClick={() => model.send('email')}>
                  Send by email
                </button>
              ) : null}
              <button type="button" class="secondary" onClick={() => model.download()}>
                Download PDF
              </button>
              {letter.status === 'queued' ? (
                <>
                  <button type="button" class="secondary" disabled={busy} onClick={() => model.send('fax')}>
                    Mark faxed
                  </button>
                  <button type="button" class="secondary" disabled={busy} onClick={() => model.send('mail')}>
                    Mark mailed
                  </button>
                </>
              ) : null}
            </div>
          ) : null}
          {canSend && letter.status === 'queued' && !letter.providerEmail ? (
            <p class="muted small">No email address on file: download the PDF to fax or mail it.</p>
          ) : null}
        </>
      ) : notice ? null : (
        <p class="muted">Loading…</p>
      )}
    </section>
  );
}
