import { useModel } from '@preact/signals';
import { TaughtSites } from '../page-match/taught-sites';
import { SettingsModel } from './settings-model';

/**
 * The server address (another origin than the default needs its host
 * permission, asked for here), the sites capture never reads, and, for those
 * who teach sites, the organisation's taught sites.
 */
export function Settings({ onDone, canManageSites }: { onDone: () => void; canManageSites: boolean }) {
  const model = useModel(() => new SettingsModel());
  const value = model.serverUrl.value;
  const error = model.error.value;
  const saving = model.saving.value;
  const blocklist = model.blocklist.value;
  const blockMessage = model.blockMessage.value;

  async function save(e: Event) {
    e.preventDefault();
    if (await model.saveServerUrl()) onDone();
  }

  return (
    <main class="settings">
      <h1>Settings</h1>
      <form onSubmit={save} noValidate>
        <label for="server-url">Server address</label>
        <input
          id="server-url"
          type="url"
          value={value ?? ''}
          disabled={value === null}
          onInput={(e) => model.typeServerUrl(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'server-url-error server-url-hint' : 'server-url-hint'}
        />
        <p class="muted small" id="server-url-hint">
          Your organisation's Sidecar server, for example https://crm.example.com. Changing it signs you out.
        </p>
        {error ? (
          <p class="alert error" id="server-url-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="row">
          <button type="submit" class="primary" disabled={saving || value === null}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
      <h2>Lead capture</h2>
      {blocklist === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <label for="capture-blocklist">Never capture on these sites (one per line)</label>
          <textarea
            id="capture-blocklist"
            rows={4}
            value={blocklist}
            placeholder="portal.example-bank.com"
            onInput={(e) => model.typeBlocklist(e.currentTarget.value)}
            aria-describedby="capture-blocklist-hint"
          />
          <p class="muted small" id="capture-blocklist-hint">
            A site name covers its subdomains. Sidecar does not read these pages even when asked. The shortcut
            is Alt+Shift+L; change it at chrome://extensions/shortcuts.
          </p>
          {blockMessage ? (
            <p
              class={blockMessage.error ? 'alert error' : 'alert'}
              role={blockMessage.error ? 'alert' : 'status'}
              data-testid="blocklist-message"
            >
              {blockMessage.text}
            </p>
          ) : null}
          <button type="button" class="secondary" onClick={model.saveBlocklist}>
            Save sites
          </button>
        </>
      )}
      {canManageSites ? <TaughtSites /> : null}
    </main>
  );
}
