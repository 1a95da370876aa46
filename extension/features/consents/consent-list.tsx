import { useModel } from '@preact/signals';
import { CONSENT_KIND_LABELS, SIGNER_RELATIONSHIP_LABELS } from '../../../shared/consents';
import { formatDate } from '../../../shared/locale-dates';
import type { Consent } from '../../../shared/schemas/consents';
import { ShowMore } from '../../ui/show-more';
import { TextPrompt } from '../../ui/text-prompt';
import { ConsentListModel, type ConsentSubject } from './consent-list-model';

const titleOf = (c: Consent) => (c.kind === 'other' ? c.title : CONSENT_KIND_LABELS[c.kind]);

/** "Signed by Mara Minor (parent) for this patient": who consented, for whom. */
function signedBy(c: Consent, subject: ConsentSubject) {
  const who =
    c.signedBy.relationship === 'self'
      ? `${c.signedBy.name} (self)`
      : `${c.signedBy.name} (${SIGNER_RELATIONSHIP_LABELS[c.signedBy.relationship]}${
          c.signedBy.stated ? `: ${c.signedBy.stated}` : ''
        })`;
  const forWhom =
    'leadId' in subject
      ? 'for this lead'
      : c.subject.leadId
        ? 'for this patient, while a lead'
        : 'for this patient';
  return `Signed by ${who} ${forWhom}`;
}

/**
 * The consents given on signed intake forms (spec 001, "Track signed
 * consents"): what was agreed to, who signed for whom and when, the form
 * version whose text was shown, and revocations, which stay listed. Revoking
 * asks for the reason in the panel's own dialog; roles that cannot revoke see
 * no button.
 */
export function ConsentList(props: {
  subject: ConsentSubject;
  canRevoke: boolean;
  /** After a revocation: the page shows its timeline again, with the revocation on it. */
  onRevoked?: () => void;
}) {
  const model = useModel(() => new ConsentListModel(props.subject));
  const message = model.message.value;
  const revoking = model.revoking.value;
  const list = {
    items: model.list.items.value,
    loading: model.list.loading.value,
    error: model.list.error.value,
    hasMore: model.list.hasMore.value,
    more: model.list.more,
  };

  return (
    <section aria-labelledby={`consents-title-${'patientId' in props.subject ? 'patient' : 'lead'}`}>
      <h3 id={`consents-title-${'patientId' in props.subject ? 'patient' : 'lead'}`}>Consents</h3>
      {revoking ? (
        <TextPrompt
          title={`Revoke ${titleOf(revoking)}?`}
          label="Why is it revoked? (kept with the consent)"
          minLength={3}
          confirmLabel="Revoke consent"
          onDone={async (reason) => {
            if (await model.revoke(reason)) props.onRevoked?.();
          }}
          onCancel={() => model.askRevoke(null)}
        />
      ) : null}
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="consent-message"
        >
          {message.text}
        </p>
      ) : null}
      {list.error ? (
        <p class="alert error" role="alert">
          {list.error}
        </p>
      ) : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <p class="empty" data-testid="consents-empty">
          No consents yet. They are recorded when an intake form with consents is signed: send one under
          Intake forms.
        </p>
      ) : null}
      <ul class="list" aria-busy={list.loading} data-testid="consent-list">
        {list.items.map((c) => (
          <li key={c.id} data-testid="consent-row">
            <div>
              <strong>{titleOf(c)}</strong>{' '}
              {c.revoked ? <span class="badge warn">Revoked</span> : <span class="badge ok">Given</span>}
              <div class="small">{signedBy(c, props.subject)}</div>
              <div class="muted small">
                {formatDate(c.signedAt)} · {c.text.formName}, version {c.text.version}
                <span class="muted" title={`SHA-256 of the text shown: ${c.text.sha256}`}>
                  {' '}
                  · text {c.text.sha256.slice(0, 8)}
                </span>
              </div>
              {c.revoked ? (
                <div class="small" data-testid="consent-revoked">
                  Revoked {formatDate(c.revoked.at)}
                  {c.revoked.byName ? ` by ${c.revoked.byName}` : ''}: {c.revoked.reason}
                </div>
              ) : null}
            </div>
            {props.canRevoke && !c.revoked ? (
              <span class="row-actions">
                <button type="button" class="secondary" onClick={() => model.askRevoke(c)}>
                  Revoke
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </section>
  );
}
