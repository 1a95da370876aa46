import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../shared/locale-dates';
import type { WebhookEndpoint } from '../../../shared/schemas/webhooks';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field } from '../../ui/field';
import type { WebhookEndpointsModel } from './webhook-endpoints-model';

type Model = InstanceType<typeof WebhookEndpointsModel>;

const DELIVERY_STATUS: Record<string, string> = {
  enqueued: 'Waiting',
  sending: 'Sending',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** An endpoint's newest deliveries, each with its attempts on request. */
function Deliveries(props: { model: Model; endpointId: string }) {
  const items = props.model.deliveries.value[props.endpointId];
  const attempts = props.model.attempts.value;
  if (!items) return <p class="muted small">Loading deliveries…</p>;
  if (!items.length) return <p class="muted small">Nothing sent to this endpoint yet.</p>;
  return (
    <ul class="list" aria-label="Latest deliveries" data-testid="webhook-deliveries">
      {items.map((d) => (
        <li key={d.id} data-testid="webhook-delivery">
          <span>
            {DELIVERY_STATUS[d.status] ?? d.status} · {formatDateTime(d.createdAt)} · {d.attempts}{' '}
            {d.attempts === 1 ? 'attempt' : 'attempts'}
          </span>
          {d.lastError ? <span class="muted small"> · {d.lastError}</span> : null}
          {attempts[d.id] ? (
            <ol class="small">
              {attempts[d.id]!.map((a) => (
                <li key={a.attempt}>
                  {formatDateTime(a.at)}:{' '}
                  {a.responseStatus ? `answered ${a.responseStatus}` : (a.error ?? 'no answer')} in{' '}
                  {a.durationMs} ms
                </li>
              ))}
            </ol>
          ) : (
            <button type="button" class="link" onClick={() => props.model.loadAttempts(d.id)}>
              Show attempts
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * One endpoint: its address and state; for managers, change the address,
 * rotate the secret (the old one signing beside the new for 24 hours, or
 * stopping at once) and disable it; for everyone, its latest deliveries.
 */
export function WebhookEndpointCard(props: { model: Model; endpoint: WebhookEndpoint; canManage: boolean }) {
  const { model, endpoint: e } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [asking, setAsking] = useState<'rotate' | 'disable' | null>(null);
  const [keepOld, setKeepOld] = useState(true);
  const [open, setOpen] = useState(false);
  const busy = model.busy.value;
  const errors = model.errorsAt.value === e.id ? model.errors.value : {};
  const active = !e.disabledAt;

  if (editing !== null)
    return (
      <li class="card" data-testid="webhook-endpoint">
        {e.description ? <p class="small">{e.description}</p> : null}
        <form
          onSubmit={async (ev) => {
            ev.preventDefault();
            if (await model.editUrl(e.id, editing)) setEditing(null);
          }}
        >
          <Field
            id={`webhook-url-${e.id}`}
            label="Address"
            value={editing}
            onInput={setEditing}
            error={errors.url}
          />
          <div class="row">
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={busy}>
              Save address
            </button>
          </div>
        </form>
      </li>
    );

  return (
    <li class="card" data-testid="webhook-endpoint">
      <code>{e.url}</code>
      {e.description ? <p class="small">{e.description}</p> : null}
      <p class="muted small">
        {active ? 'Active' : `Disabled ${formatDateTime(e.disabledAt!)}`}
        {e.previousSecretUntil
          ? ` · The old secret also signs until ${formatDateTime(e.previousSecretUntil)}`
          : ''}
      </p>
      <div class="row-actions">
        <button
          type="button"
          class="secondary small"
          aria-expanded={open}
          onClick={() => {
            if (!open) void model.loadDeliveries(e.id);
            setOpen(!open);
          }}
        >
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>
        {props.canManage && active ? (
          <>
            <button type="button" class="secondary small" onClick={() => setEditing(e.url)}>
              Edit address
            </button>
            <button type="button" class="secondary small" onClick={() => setAsking('rotate')}>
              New secret
            </button>
            <button type="button" class="secondary small" onClick={() => setAsking('disable')}>
              Disable
            </button>
          </>
        ) : null}
      </div>
      {open ? <Deliveries model={model} endpointId={e.id} /> : null}
      {asking === 'rotate' ? (
        <ConfirmDialog
          title="Make a new signing secret?"
          message="The new secret is shown once. Give it to the receiving system before the old one stops."
          confirmLabel="Make new secret"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void model.rotate(e.id, keepOld);
          }}
        >
          <label class="check">
            <input
              type="checkbox"
              checked={keepOld}
              onChange={(ev) => setKeepOld(ev.currentTarget.checked)}
            />
            Keep signing with the old secret too for 24 hours
          </label>
          <p class="muted small">
            {keepOld
              ? 'Each delivery carries both signatures until then, so the receiver accepts it with either secret.'
              : 'The old secret stops at once: deliveries the receiver checks with it are refused from now on.'}
          </p>
        </ConfirmDialog>
      ) : null}
      {asking === 'disable' ? (
        <ConfirmDialog
          title="Disable this endpoint?"
          message="Rules calling it skip it from now on, and deliveries still waiting give up."
          confirmLabel="Disable endpoint"
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void model.disable(e.id);
          }}
        />
      ) : null}
    </li>
  );
}
