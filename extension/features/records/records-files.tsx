import { useState } from 'preact/hooks';
import type { RecordsRequest } from '../../../shared/schemas/records';
import type { RecordsFileKind } from '../../../shared/schemas/records-transfer';
import { formatSize } from '../../ui/document-picker';
import type { RecordsTransferModel } from './records-transfer-model';

type Model = InstanceType<typeof RecordsTransferModel>;

const KIND_LABELS: Record<RecordsFileKind, string> = {
  release: 'To send',
  received: 'Received',
  authorization: 'Signed authorization',
  protected_authorization: 'Separate authorization (protected records)',
};

const STATE_LABELS = {
  active: 'Active',
  expired: 'Expired',
  used_up: 'Used up',
  revoked: 'Revoked',
} as const;

/** One file input that uploads as soon as a file is chosen. */
function UploadButton(props: { label: string; kind: RecordsFileKind; model: Model }) {
  return (
    <label class="upload">
      <span>{props.label}</span>
      <input
        type="file"
        accept=".pdf,.png,.jpg,.jpeg"
        aria-label={props.label}
        disabled={props.model.busy.value}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) props.model.upload(props.kind, file);
        }}
      />
    </label>
  );
}

/** The request's files and links: uploads by stage, the secure link, the upload link, and each link's log. */
export function RecordsFiles(props: { request: RecordsRequest; permissions: string[]; model: Model }) {
  const { request: r, model, permissions } = props;
  const [days, setDays] = useState(7);
  const [downloads, setDownloads] = useState(5);
  const can = (p: string) => permissions.includes(p);
  const outgoing = r.direction === 'outgoing';
  const busy = model.busy.value;
  return (
    <section aria-label="Files and links">
      <h3>Files</h3>
      {model.files.value.length === 0 ? <p class="empty">No files yet.</p> : null}
      <ul class="list" aria-label="Files">
        {model.files.value.map((f) => (
          <li key={f.id}>
            <div>
              {f.fileName}{' '}
              <span class="muted small">
                {KIND_LABELS[f.kind]} · {formatSize(f.sizeBytes)}
              </span>
            </div>
            <div class="row-actions">
              <button type="button" class="secondary" onClick={() => model.download(f)}>
                Download
              </button>
            </div>
          </li>
        ))}
      </ul>
      {outgoing &&
      ['received', 'authorization_check', 'on_hold'].includes(r.status) &&
      can('records:edit') ? (
        <UploadButton label="Upload the signed authorization" kind="authorization" model={model} />
      ) : null}
      {outgoing &&
      r.protectedRecords &&
      r.requesterKind === 'third_party' &&
      ['received', 'authorization_check', 'on_hold'].includes(r.status) &&
      can('records:edit') ? (
        <UploadButton
          label="Upload the separate authorization for psychotherapy notes"
          kind="protected_authorization"
          model={model}
        />
      ) : null}
      {outgoing && ['approved', 'preparing'].includes(r.status) && can('records:prepare') ? (
        <UploadButton label="Upload records to send" kind="release" model={model} />
      ) : null}
      {!outgoing &&
      ['requested', 'follow_up_sent', 'records_received'].includes(r.status) &&
      can('records:edit') ? (
        <UploadButton label="Upload records received" kind="received" model={model} />
      ) : null}
      {outgoing && ['preparing', 'sent'].includes(r.status) && can('records:prepare') ? (
        <fieldset>
          <legend>Send by secure link to {r.party.email ?? 'the requester'}</legend>
          <label for="records-link-days">Link works for (days)</label>
          <input
            id="records-link-days"
            type="number"
            min={1}
            max={30}
            value={days}
            onInput={(e) => setDays(Number(e.currentTarget.value))}
          />
          <label for="records-link-downloads">Downloads allowed</label>
          <input
            id="records-link-downloads"
            type="number"
            min={1}
            max={20}
            value={downloads}
            onInput={(e) => setDownloads(Number(e.currentTarget.value))}
          />
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => model.sendLink(days, downloads)}
          >
            Send secure link
          </button>
        </fieldset>
      ) : null}
      {!outgoing && ['requested', 'follow_up_sent'].includes(r.status) && can('records:edit') ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => model.uploadLink()}>
          Send an upload link to {r.party.email ?? 'the holder'}
        </button>
      ) : null}
      {model.message.value ? (
        <p class="muted small" role="status" data-testid="records-transfer-message">
          {model.message.value}
        </p>
      ) : null}
      {model.error.value ? (
        <p class="alert error" role="alert">
          {model.error.value}
        </p>
      ) : null}
      {model.links.value.length ? <h3>Links</h3> : null}
      <ul class="list" aria-label="Links">
        {model.links.value.map((l) => (
          <li key={l.id} data-testid="records-link">
            <div>
              {l.purpose === 'download' ? 'Download' : 'Upload'} link to {l.recipientEmail}{' '}
              <span class="badge">{STATE_LABELS[l.state]}</span>
              <div class="muted small">
                Until {l.expiresAt.slice(0, 16).replace('T', ' ')}
                {l.purpose === 'download' ? ` · ${l.downloads} of ${l.maxDownloads} downloads` : ''}
              </div>
              <ul class="history" aria-label={`Access log of the link to ${l.recipientEmail}`}>
                {l.events.map((e) => (
                  <li key={e.id} class="small">
                    {e.createdAt.slice(0, 16).replace('T', ' ')} · {e.kind.replace(/_/g, ' ')}
                    {e.ip ? ` · ${e.ip}` : ''}
                  </li>
                ))}
              </ul>
            </div>
            {l.state === 'active' && can('records:prepare') ? (
              <div class="row-actions">
                <button type="button" class="secondary" disabled={busy} onClick={() => model.revoke(l)}>
                  Revoke
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
