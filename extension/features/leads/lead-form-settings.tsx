import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../utils/use-api';

type LeadFormConfig = { enabled: boolean; key: string; endpoint: string; allowedOrigins: string[] };

/**
 * The practice website's own inquiry form: the address it posts to, and the
 * sites allowed to post from a browser.
 */
export function LeadFormSettings() {
  const [config, setConfig] = useState<LeadFormConfig | null>(null);
  const [origins, setOrigins] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const show = (c: LeadFormConfig) => {
    setConfig(c);
    setOrigins(c.allowedOrigins.join('\n'));
  };
  useEffect(() => {
    apiCall<LeadFormConfig>('GET', '/api/v1/lead-form').then(show, (e: Error) =>
      setMessage({ text: e.message, error: true }),
    );
  }, []);

  async function save(change: Partial<Pick<LeadFormConfig, 'enabled' | 'allowedOrigins'>>, done: string) {
    setMessage(null);
    try {
      show(await apiCall<LeadFormConfig>('PATCH', '/api/v1/lead-form', change));
      setMessage({ text: done, error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  return (
    <section aria-labelledby="web-form-title" data-testid="lead-form-settings">
      <h3 id="web-form-title">Website inquiry form</h3>
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
              value={origins}
              placeholder="https://www.example-ortho.com"
              onInput={(e) => setOrigins(e.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() =>
                save(
                  {
                    allowedOrigins: origins
                      .split('\n')
                      .map((o) => o.trim())
                      .filter(Boolean),
                  },
                  'Allowed websites saved.',
                )
              }
            >
              Save websites
            </button>
            <button
              type="button"
              class="link"
              onClick={async () => {
                if (
                  !confirm('Make a new address? The website must be updated: the old address stops working.')
                )
                  return;
                try {
                  show(await apiCall<LeadFormConfig>('POST', '/api/v1/lead-form/rotate-key'));
                  setMessage({ text: 'New address made; the old one no longer works.', error: false });
                } catch (e) {
                  setMessage({ text: (e as Error).message, error: true });
                }
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
