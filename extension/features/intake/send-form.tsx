import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import { CopyField } from '../../ui/copy-field';
import type { IntakeRequest } from './intake-api-types';
import { type Delivery, SendFormModel } from './send-form-model';

/**
 * Sends a published form to a lead or a patient: by email through the
 * organisation's mail, or as a link to copy into a text or a chat. The link
 * is shown once; a lost link is replaced by renewing.
 */
export function SendForm(props: {
  subject: { leadId: string } | { patientId: string };
  subjectName: string;
  onSent: (request: IntakeRequest) => void;
  onCancel: () => void;
}) {
  const model = useModel(() => new SendFormModel(props.subject));
  // How and for how long: the form's own inputs until it is sent.
  const [delivery, setDelivery] = useState<Delivery>('email');
  const [days, setDays] = useState(14);
  const templates = model.templates.value;
  const templateId = model.templateId.value;
  const error = model.error.value;
  const sent = model.sent.value;

  async function send(e: Event) {
    e.preventDefault();
    const request = await model.send(delivery, days);
    if (request) props.onSent(request);
  }

  if (sent)
    return (
      <div class="alert" role="status" data-testid="form-sent">
        <p>
          {sent.templateName}{' '}
          {delivery === 'email' ? `emailed to ${sent.recipientEmail}` : 'is ready to share'}. It expires{' '}
          {formatDate(sent.expiresAt)}.
        </p>
        {sent.link ? (
          <CopyField id="form-link" label="Form link" value={sent.link} copyLabel="Copy link" />
        ) : null}
        <p class="muted small">
          This link is shown only now. If it is lost, renew the form to get a new one.
        </p>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Done
        </button>
      </div>
    );

  return (
    <form onSubmit={send} noValidate data-testid="send-form">
      <h4>Send an intake form to {props.subjectName}</h4>
      {templates && templates.length === 0 ? (
        <p class="empty">No published form yet. Publish one under Intake first.</p>
      ) : null}
      <label for="send-template">Form</label>
      <select id="send-template" value={templateId} onChange={(e) => model.choose(e.currentTarget.value)}>
        {(templates ?? []).map((t) => (
          <option value={t.id} key={t.id}>
            {t.name} (version {t.latestVersion?.version})
          </option>
        ))}
      </select>
      <fieldset>
        <legend>How</legend>
        <label class="check">
          <input
            type="radio"
            name="delivery"
            checked={delivery === 'email'}
            onChange={() => setDelivery('email')}
          />{' '}
          Email it
        </label>
        <label class="check">
          <input
            type="radio"
            name="delivery"
            checked={delivery === 'link'}
            onChange={() => setDelivery('link')}
          />{' '}
          Make a link to copy
        </label>
      </fieldset>
      <label for="send-days">Expires after (days)</label>
      <input
        id="send-days"
        type="number"
        min={1}
        max={60}
        value={days}
        onInput={(e) => setDays(Number(e.currentTarget.value))}
      />
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={!templateId}>
          Send form
        </button>
      </div>
    </form>
  );
}
