/**
 * Draft autosave: two seconds after the last change, and at most one save
 * every ten seconds (the server counts every hit of a link: 120 in 10 minutes), the step's answers go
 * to the draft endpoint. A same-origin fetch sends its Origin, which the
 * server's CSRF check requires. The result is read out in a polite live region.
 */
import type { DraftBody } from '../page-contract';

const QUIET_MS = 2000;
const MIN_INTERVAL_MS = 10_000;

export function createAutosave(url: string, body: () => DraftBody, status: HTMLElement | null) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSave = 0;
  let saving = false;
  let again = false;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  async function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    lastSave = Date.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body()),
      });
      const time = new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
      if (res.ok) say(`Draft saved at ${time}`);
      else if (res.status === 400) say(`Draft saved at ${time}, except answers that need checking`);
      else if (res.status === 429) say('Draft not saved just now: we will try again shortly');
      else say('Draft not saved: your answers are still here, and are sent when you continue');
    } catch {
      say('Draft not saved: check your connection. Your answers are still here.');
    } finally {
      saving = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    clearTimeout(timer);
    const wait = Math.max(QUIET_MS, lastSave + MIN_INTERVAL_MS - Date.now());
    timer = setTimeout(save, wait);
  }

  return {
    schedule,
    /** Leaving the step by a form post: the post carries the answers, the timer must not race it. */
    cancel: () => clearTimeout(timer),
  };
}
