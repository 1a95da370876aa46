import { useModel } from '@preact/signals';
import { TEACH_STEPS, TeachSiteModel } from './teach-site-model';

/** Points once at where this site shows the name, birth date and resident number. */
export function TeachSite({
  host,
  onDone,
  onCancel,
}: {
  host: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const model = useModel(() => new TeachSiteModel(host));
  const picked = model.picked.value;
  const busy = model.busy.value;
  const error = model.error.value;
  return (
    <div class="teach-site" data-testid="teach-site">
      <p class="small">
        Point at each value once on this page. Sidecar keeps where they are on {host} for your organisation
        (not the values) and reads them there from now on.
      </p>
      <ul class="list">
        {TEACH_STEPS.map((step) => {
          const got = picked[step.field];
          return (
            <li key={step.field} class="row-between">
              <span>
                {step.label}
                {step.required ? '' : ' (optional)'}:{' '}
                <span class={got ? '' : 'muted'} data-testid={`taught-${step.field}`}>
                  {got ? got.text : 'not pointed at yet'}
                </span>
              </span>
              <button
                type="button"
                class="secondary"
                disabled={!!busy}
                onClick={() => model.pick(step.field, step.what)}
              >
                {busy === step.field
                  ? 'Click it on the page…'
                  : got
                    ? 'Point again'
                    : `Point at ${step.what}`}
              </button>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={onCancel} disabled={busy === 'save'}>
          Cancel
        </button>
        <button
          type="button"
          class="primary"
          disabled={!picked.fullName || !!busy}
          onClick={async () => {
            if (await model.save()) onDone();
          }}
        >
          {busy === 'save' ? 'Saving…' : `Save for ${host}`}
        </button>
      </div>
    </div>
  );
}
