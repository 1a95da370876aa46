import { action, createModel, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { PageMatchCandidate, PageMatchRequest } from '../../../shared/schemas/page-matches';
import { api, call } from '../../api/client';
import { plainSource } from '../../page-reading/provenance';
import type { PageReading } from '../../page-reading/read-page';
import type { Notice } from '../../ui/notice';
import type { PageReadResult } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { pendingCaptureItem } from '../../utils/storage-items';
import { matchRequestOf } from './match-request';

export type PageState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'skipped'; why: Extract<PageReadResult, { skipped: string }> }
  | { kind: 'nothing'; reading: PageReading }
  | { kind: 'matched'; reading: PageReading; request: PageMatchRequest; candidates: PageMatchCandidate[] }
  | { kind: 'error'; message: string };

/**
 * The card that follows the page: reads the active tab (automatically where
 * the site is granted, else when asked), asks the server who or what it
 * shows, and acts on the match. What the page said stays in this panel.
 */
export const PageMatchModel = createModel(() => {
  const state = signal<PageState>({ kind: 'idle' });
  const notice = signal<Notice | null>(null);
  /** The action under way (an item id, 'read'); others wait for it. */
  const busy = signal<string | null>(null);
  /** Milliseconds from the read starting to the card's data being ready (shown for the trace). */
  const elapsedMs = signal<number | null>(null);
  let generation = 0;

  async function match(reading: PageReading, started: number, mine: number) {
    const request = matchRequestOf(reading.identifiers);
    if (!request) {
      if (mine === generation) state.value = { kind: 'nothing', reading };
      return;
    }
    const answer = await call(api['page-matches'].$post({ json: request }));
    if (mine !== generation) return;
    state.value = { kind: 'matched', reading, request, candidates: answer.candidates };
    elapsedMs.value = Math.round(performance.now() - started);
  }

  async function read(auto: boolean) {
    const mine = ++generation;
    const started = performance.now();
    notice.value = null;
    if (!auto) state.value = { kind: 'reading' };
    try {
      const result = await sendMessage('readPage', { auto });
      if (mine !== generation) return;
      if ('skipped' in result) {
        // An automatic look that was not allowed leaves a card already shown alone.
        if (!auto || state.value.kind !== 'matched') state.value = { kind: 'skipped', why: result };
        return;
      }
      await match(result.reading, started, mine);
    } catch (e) {
      if (mine === generation) state.value = { kind: 'error', message: (e as Error).message };
    }
  }

  // A new page in front (another tab, or this tab navigated) is read again where allowed.
  effect(() => {
    const onActivated = () => read(true);
    const onUpdated = (_id: number, change: { status?: string }, tab: { active?: boolean }) => {
      if (change.status === 'complete' && tab.active) read(true);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  });
  read(true);

  return {
    state,
    notice,
    busy,
    elapsedMs,
    readNow: action(() => read(false)),
    /** Asks the browser for this one site (a prompt the person answers), then reads it. */
    allowSite: action(async (origin: string) => {
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
      if (granted) await read(true);
      else notice.value = { text: 'Not allowed: use “Read this page” when you need it.', error: false };
    }),
    /** Marks the item done with this page as its evidence (address, title, time, text hash). */
    completeWithPage: action(async (patientId: string, item: { id: string; title: string }) => {
      const current = state.value;
      if (current.kind !== 'matched' || busy.value) return;
      busy.value = item.id;
      notice.value = null;
      try {
        const page = await sendMessage('capturePage', undefined);
        await call(
          api.patients[':id'].checklist[':itemId'].evidence.$post({
            param: { id: patientId, itemId: item.id },
            json: page,
          }),
        );
        notice.value = { text: `${item.title}: done, with this page as evidence.`, error: false };
        await match(current.reading, performance.now(), generation);
      } catch (e) {
        notice.value = { text: (e as Error).message, error: true };
      } finally {
        busy.value = null;
      }
    }),
    /**
     * A note on the matched lead (its timeline), facility (its notes) or
     * patient (a dated line added to the patient's notes), in one step from the card.
     */
    addNote: action(async (kind: PageMatchCandidate['kind'], id: string, text: string): Promise<boolean> => {
      if (busy.value || !text.trim()) return false;
      busy.value = 'note';
      notice.value = null;
      try {
        if (kind === 'lead') {
          await call(
            api.leads[':id'].activities.$post({ param: { id }, json: { kind: 'note', text: text.trim() } }),
          );
        } else if (kind === 'facility') {
          await call(api.facilities[':id'].notes.$post({ param: { id }, json: { text: text.trim() } }));
        } else {
          const patient = await call(api.patients[':id'].$get({ param: { id } }));
          const line = `${new Date().toISOString().slice(0, 10)}: ${text.trim()}`;
          const notes = patient.notes ? `${patient.notes}\n${line}` : line;
          await call(api.patients[':id'].$patch({ param: { id }, json: { notes } }));
        }
        notice.value = { text: 'Note added.', error: false };
        return true;
      } catch (e) {
        notice.value = { text: (e as Error).message, error: true };
        return false;
      } finally {
        busy.value = null;
      }
    }),
    /** Opens the lead form in the Leads area, prefilled from the page and saying so. */
    captureAsLead: action((reading: PageReading) => {
      const { firstName, lastName, email, phone, dateOfBirth } = reading.identifiers;
      const fields = { firstName, lastName, email, phone, dateOfBirth };
      const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as Record<
        string,
        string
      >;
      const from = Object.fromEntries(
        Object.keys(present).map((k) => [k, plainSource(reading.from[k as keyof typeof fields] ?? '')]),
      );
      pendingCaptureItem.setValue({
        capture: {
          fields: present,
          from,
          channel: 'web_page',
          url: reading.url,
          title: reading.title,
          capturedAt: new Date().toISOString(),
        },
      });
    }),
  };
});
