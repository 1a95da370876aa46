import { useModel } from '@preact/signals';
import { formatDateTime } from '../../../shared/locale-dates';
import { signedBy } from './signed-by';
import { SubmissionReviewModel } from './submission-review-model';

/** An answer as words: lists joined, yes/no spelled out, signatures and files described. */
function answerText(type: string, value: unknown, subjectName: string | null): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean')
    return type === 'consent' ? (value ? 'Agreed' : 'Not agreed') : value ? 'Yes' : 'No';
  if (value && typeof value === 'object') {
    const v = value as {
      signerName?: string;
      guardian?: { name: string; relationship: string };
      kind?: string;
      name?: string;
      size?: number;
    };
    if (type === 'signature')
      return `${signedBy({ signerName: v.signerName ?? '', guardian: v.guardian }, subjectName)} (${v.kind === 'drawn' ? 'drawn' : 'typed'})`;
    if (type === 'file') return `${v.name} (${Math.round((v.size ?? 0) / 1024)} KB)`;
  }
  return String(value ?? '');
}

/**
 * A submitted form for staff to read (intake:view_submissions): the answers
 * as the version asked them, the signature record, the signed PDF, and the
 * details that would change the lead's or patient's record, each accepted
 * or left by choice.
 */
export function SubmissionReview(props: { submissionId: string; canAccept: boolean; onBack: () => void }) {
  const model = useModel(() => new SubmissionReviewModel(props.submissionId));
  const submission = model.submission.value;
  const changes = model.changes.value;
  const chosen = model.chosen.value;
  const message = model.message.value;

  const sections = submission
    ? [...new Set(submission.answers.map((a) => a.sectionTitle))].map((title) => ({
        title,
        answers: submission.answers.filter((a) => a.sectionTitle === title),
      }))
    : [];

  return (
    <section class="area" data-testid="submission-review">
      <button type="button" class="link" onClick={props.onBack}>
        ← Back
      </button>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="review-message"
        >
          {message.text}
        </p>
      ) : null}
      {!submission ? (
        message ? null : (
          <p class="muted">Loading…</p>
        )
      ) : (
        <>
          <h3>
            {submission.templateName} <span class="muted small">version {submission.version}</span>
          </h3>
          <p class="muted small" data-testid="submitted-by">
            {submission.subjectName ? `For ${submission.subjectName} · ` : ''}submitted{' '}
            {formatDateTime(submission.submittedAt)}
          </p>
          {submission.pdf.available ? (
            <button type="button" class="secondary" onClick={() => model.downloadPdf()}>
              Download signed PDF
            </button>
          ) : (
            <p class="muted small">The signed PDF is being prepared.</p>
          )}
          {sections.map((s) => (
            <section key={s.title}>
              <h4>{s.title}</h4>
              <dl class="answers">
                {s.answers.map((a) => (
                  <div key={a.fieldId}>
                    <dt>{a.label}</dt>
                    <dd>{answerText(a.type, a.value, submission.subjectName)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          {submission.signatures.length ? (
            <section data-testid="signature-record">
              <h4>Signature record</h4>
              {submission.signatures.map((sig) => (
                <p class="small" key={sig.fieldId}>
                  {signedBy(sig, submission.subjectName)}, {sig.kind}, {formatDateTime(sig.signedAt)} from{' '}
                  {sig.ip ?? 'an unknown address'}
                  {sig.consentTextHash ? (
                    <>
                      {' '}
                      · consent text SHA-256 <code>{sig.consentTextHash.slice(0, 16)}…</code>
                    </>
                  ) : null}
                </p>
              ))}
            </section>
          ) : null}
          {changes ? (
            <section data-testid="record-changes">
              <h4>Into the {changes.subject.type}'s record</h4>
              {changes.accepted ? (
                <p class="alert" role="status">
                  Accepted {formatDateTime(changes.accepted.at)}
                  {changes.accepted.fields.length
                    ? ` (${changes.accepted.fields.length} detail(s) copied)`
                    : ''}
                  .
                </p>
              ) : null}
              <table class="review">
                <thead>
                  <tr>
                    <th scope="col">Copy</th>
                    <th scope="col">Detail</th>
                    <th scope="col">On record</th>
                    <th scope="col">Submitted</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.fields.map((f) => (
                    <tr key={f.fieldId}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Copy ${f.label}`}
                          disabled={!f.changed || !f.applicable || !!changes.accepted || !props.canAccept}
                          checked={chosen.includes(f.fieldId)}
                          onChange={(e) => model.choose(f.fieldId, e.currentTarget.checked)}
                        />
                      </td>
                      <td>{f.label}</td>
                      <td>{f.applicable ? (f.current ?? '—') : 'not kept'}</td>
                      <td>
                        {f.submitted ?? '—'}
                        {f.changed && f.applicable ? <span class="badge">changed</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {props.canAccept && !changes.accepted ? (
                <button type="button" class="primary" onClick={() => model.accept()}>
                  Accept{chosen.length ? ` and copy ${chosen.length}` : ''}
                </button>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
