import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/send-message';
import { DEFAULT_SERVER_URL, originPattern, parseServerUrl } from '../../utils/server-url';

/** The server address. Another origin than the default needs its host permission, asked for here. */
export function Settings({ onDone }: { onDone: () => void }) {
  // null until loaded: an address typed before the stored one arrives would be overwritten by it.
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // null until loaded: typing into the list before it arrives would be overwritten.
  const [blocklist, setBlocklist] = useState<string | null>(null);
  const [blockMessage, setBlockMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    sendMessage('getSettings', undefined).then(
      (s) => {
        setValue(s.serverUrl);
        setBlocklist(s.captureBlocklist.join('\n'));
      },
      () => {
        setValue(DEFAULT_SERVER_URL);
        setBlocklist('');
      },
    );
  }, []);

  async function saveBlocklist() {
    try {
      const sites = (blocklist ?? '').split('\n');
      const { captureBlocklist } = await sendMessage('setCaptureBlocklist', { sites });
      setBlocklist(captureBlocklist.join('\n'));
      setBlockMessage({
        text: captureBlocklist.length
          ? `Capture is off on ${captureBlocklist.length} site(s).`
          : 'Capture is allowed on every site.',
        error: false,
      });
    } catch (err) {
      setBlockMessage({ text: (err as Error).message, error: true });
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    if (value === null) return;
    const parsed = parseServerUrl(value);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const origins = [originPattern(parsed.origin)];
      // permissions.request needs this click; the local worker is granted at install.
      if (
        !(await browser.permissions.contains({ origins })) &&
        !(await browser.permissions.request({ origins }))
      ) {
        setError('Sidecar needs permission to talk to that server. Save again and allow it.');
        return;
      }
      const before = await sendMessage('getSettings', undefined);
      await sendMessage('setServerUrl', { serverUrl: parsed.origin });
      const old = originPattern(before.serverUrl);
      // Least privilege: give back a server granted at run time once it is no
      // longer used (Chrome refuses to remove the manifest's own host, which is fine).
      if (old !== origins[0] && old !== originPattern(DEFAULT_SERVER_URL))
        await browser.permissions.remove({ origins: [old] }).catch(() => false);
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
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
          onInput={(e) => setValue(e.currentTarget.value)}
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
            onInput={(e) => setBlocklist(e.currentTarget.value)}
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
          <button type="button" class="secondary" onClick={saveBlocklist}>
            Save sites
          </button>
        </>
      )}
    </main>
  );
}
