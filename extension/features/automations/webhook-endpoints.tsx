import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { CopyField } from '../../ui/copy-field';
import { Field, FieldError } from '../../ui/field';
import { WholeList } from './automation-lists';
import { WebhookEndpointCard } from './webhook-endpoint-card';
import { WebhookEndpointsModel } from './webhook-endpoints-model';

/**
 * Where webhook actions POST, under the sending settings: the endpoints, a
 * new one (its signing secret shown once to copy), and each endpoint's edits
 * and deliveries.
 */
export function WebhookEndpoints({ canManage }: { canManage: boolean }) {
  const model = useModel(WebhookEndpointsModel);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const shown = model.shown.value;
  const notice = model.notice.value;
  const errors = model.errorsAt.value === 'new' ? model.errors.value : {};

  return (
    <section class="area" aria-labelledby="webhooks-title" data-testid="webhook-endpoints">
      <h3 id="webhooks-title">Webhook endpoints</h3>
      <p class="muted small">
        Rules can call these addresses. Each request is signed (Standard Webhooks): check the{' '}
        <code>webhook-signature</code> header with the endpoint's secret.
      </p>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {shown ? (
        <div class="alert" role="status" data-testid="webhook-secret">
          <p>
            {shown.rotated ? 'New signing secret' : 'Signing secret'} of <code>{shown.url}</code>. It is shown
            only now: copy it into the receiving system.
          </p>
          <CopyField
            id="webhook-secret"
            label="Signing secret"
            value={shown.secret}
            copyLabel="Copy secret"
          />
          <button type="button" class="secondary" onClick={model.hideSecret}>
            Done
          </button>
        </div>
      ) : null}
      {model.errors.value.form ? (
        <FieldError id="webhooks-error">{model.errors.value.form}</FieldError>
      ) : null}
      <WholeList
        list={{ items: model.items.value, loading: model.loading.value, error: model.error.value }}
        label="Webhook endpoints"
        testId="webhook-endpoint-list"
        empty="No webhook endpoints yet."
        row={(e) => <WebhookEndpointCard key={e.id} model={model} endpoint={e} canManage={canManage} />}
      />
      {canManage ? (
        <form
          onSubmit={async (ev) => {
            ev.preventDefault();
            if (await model.add(url, description)) {
              setUrl('');
              setDescription('');
            }
          }}
          noValidate
        >
          <h4>Add an endpoint</h4>
          <Field
            id="webhook-new-url"
            label="Address (https://…)"
            type="url"
            value={url}
            onInput={setUrl}
            error={errors.url}
          />
          <Field
            id="webhook-new-description"
            label="What it is for (optional)"
            value={description}
            onInput={setDescription}
            error={errors.description}
          />
          <button type="submit" class="primary" disabled={model.busy.value}>
            Add endpoint
          </button>
        </form>
      ) : null}
    </section>
  );
}
