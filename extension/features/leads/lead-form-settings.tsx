import { useModel } from '@preact/signals';
import { useConfirm } from '../../ui/confirm-dialog';
import { LeadFormSettingsModel } from './lead-form-settings-model';

/**
 * The practice website's own inquiry form: the address it posts to, and the
 * sites allowed to post from a browser.
 */
export function LeadFormSettings() {
  const model = useModel(LeadFormSettingsModel);
  const config = model.config.value;
  const message = model.message.value;
  const save = model.save;
  const [confirmation, ask] = useConfirm();

  return (
    <section aria-labelledby="web-form-title" data-testid="lead-form-settings">
      <h3 id="web-form-title">Website inquiry form</h3>
      {confirmation}
      {message ? (
        <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {config ? (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={config.enabled}
              onChange={(e) =>
                save(
                  { enabled: e.currentTarget.checked },
                  e.currentTarget.checked ? 'The form accepts inquiries.' : 'The form is turned off.',
                )
              }
            />{' '}
            Accept inquiries from the practice website
          </label>
          <p class="small">
            Your website's form posts to <code data-testid="lead-form-endpoint">{config.endpoint}</code>
          </p>
          <div class="field">
            <label for="lead-form-origins">Websites allowed to post (one per line)</label>
            <textarea
              id="lead-form-origins"
              rows={3}
              value={model.origins.value}
              placeholder="https://www.example-ortho.com"
              onInput={(e) => model.editOrigins(e.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button type="button" class="secondary" onClick={() => model.saveOrigins()}>
              Save websites
            </button>
            <button
              type="button"
              class="link"
              onClick={async () => {
                const sure = await ask({
                  title: 'Make a new address?',
                  message:
                    'The old address stops working at once: the website must be updated to the new one.',
                  confirmLabel: 'Make a new address',
                  danger: true,
                });
                if (sure) model.rotateKey();
              }}
            >
              New address
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
