import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/** The extension API as the probes below use it: they run inside the browser, not in Node. */
declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ url?: string }[]> };
};

async function probe(label: string, run: () => Promise<unknown>) {
  const started = Date.now();
  try {
    return `${label}: ${JSON.stringify(await Promise.race([run(), new Promise((_, no) => setTimeout(() => no(new Error('no answer in 5 s')), 5_000))]))} in ${Date.now() - started} ms`;
  } catch (e) {
    return `${label}: failed after ${Date.now() - started} ms (${(e as Error).message})`;
  }
}

/** What was not answering when a screen did not settle: the server, the background's network, or the panel. */
export async function diagnose(panel: Page) {
  const origin = inject('apiOrigin');
  const worker = panel.context().serviceWorkers()[0];
  const lines = [
    await probe('server /healthz from Node', async () => (await fetch(`${origin}/healthz`)).status),
    await probe('service workers', async () =>
      panel
        .context()
        .serviceWorkers()
        .map((w) => w.url()),
    ),
  ];
  if (worker)
    lines.push(
      // What the background was still waiting on (extension/background/in-flight.ts).
      await probe('background in flight', () =>
        worker.evaluate(
          () => (globalThis as { sidecarInFlight?: () => unknown }).sidecarInFlight?.() ?? 'not exposed',
        ),
      ),
      // The tab "Capture from this page" and the page card read.
      await probe('active tab of the last focused window', () =>
        worker.evaluate(async () =>
          (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.url),
        ),
      ),
      await probe('server /healthz from the background', () =>
        worker.evaluate(async (url) => (await fetch(url)).status, `${origin}/healthz`),
      ),
      // A read that touches the database, with the panel's own session, straight from the background.
      await probe('/api/v1/me from the background', () =>
        worker.evaluate(async (url) => {
          const { auth } = (await chrome.storage.session.get('auth')) as { auth?: { token?: string } };
          const res = await fetch(url, { headers: { Authorization: `Bearer ${auth?.token ?? ''}` } });
          return res.status;
        }, `${origin}/api/v1/me`),
      ),
    );
  // The whole path a screen's read takes: panel → message → background → server → back.
  lines.push(
    await probe("/api/v1/me through the panel's message", () =>
      panel.evaluate(async () => {
        const reply = (await chrome.runtime.sendMessage({
          name: 'api',
          input: { method: 'GET', path: '/api/v1/me' },
        })) as { ok: boolean } | undefined;
        return reply ? reply.ok : 'no reply';
      }),
    ),
  );
  lines.push(
    await probe('panel text', async () =>
      (await panel.locator('main, body').first().innerText()).slice(0, 400),
    ),
  );
  return lines.join('\n');
}
