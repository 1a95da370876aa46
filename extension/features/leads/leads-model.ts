import { action, createModel, effect, signal } from '@preact/signals';
import { count } from '../../../shared/words';
import type { Notice } from '../../ui/notice';
import type { LeadCapture, QueuedLead, SavedLeadReply } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { pendingCaptureItem } from '../../utils/storage-items';
import type { DuplicateMatch } from './lead-api-types';
import { loadLeadReference, type Reference } from './lead-reference';

export type LeadsView =
  | { kind: 'list' }
  | { kind: 'add'; capture?: LeadCapture; queuedKey?: string }
  | { kind: 'detail'; id: string; duplicates?: DuplicateMatch[] }
  /** The patient a converted lead became, opened from that lead's page. */
  | { kind: 'patient'; id: string; fromLead: string }
  | { kind: 'analytics' }
  | { kind: 'settings' }
  | { kind: 'import' };

export type { Notice, Reference };

/**
 * The Leads area: which screen shows, the pipeline's reference lists every
 * screen reads, and the captures waiting in the background's outbox.
 */
export const LeadsModel = createModel((permissions: readonly string[]) => {
  const can = (p: string) => permissions.includes(p);
  const view = signal<LeadsView>({ kind: 'list' });
  const reference = signal<Reference | null>(null);
  const message = signal<Notice | null>(null);
  const waiting = signal<QueuedLead[]>([]);
  const capturing = signal(false);
  /** The pipeline as a list (searchable, filtered) or as a board of stages. */
  const layout = signal<'list' | 'board'>('list');

  const loadReference = action(async () => {
    try {
      reference.value = await loadLeadReference();
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  const open = action((id: string, duplicates?: DuplicateMatch[]) => {
    view.value = { kind: 'detail', id, ...(duplicates ? { duplicates } : {}) };
  });

  const openPatient = action((id: string) => {
    const current = view.peek();
    if (current.kind === 'detail') view.value = { kind: 'patient', id, fromLead: current.id };
  });

  const show = action((next: LeadsView) => {
    view.value = next;
  });

  const back = action((text?: string) => {
    message.value = text ? { text, error: false } : null;
    view.value = { kind: 'list' };
  });

  const captureHere = action(async () => {
    capturing.value = true;
    message.value = null;
    try {
      view.value = { kind: 'add', capture: await sendMessage('captureLead', undefined) };
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    } finally {
      capturing.value = false;
    }
  });

  const sendWaiting = action(async () => {
    waiting.value = (await sendMessage('flushLeadOutbox', undefined)).waiting;
  });

  const discardQueued = action(async (idempotencyKey: string) => {
    waiting.value = (await sendMessage('discardQueuedLead', { idempotencyKey })).waiting;
  });

  const fixQueued = action((q: QueuedLead) => {
    view.value = { kind: 'add', queuedKey: q.idempotencyKey, capture: queuedAsCapture(q) };
  });

  const saved = action(async (reply: SavedLeadReply, queuedKey: string | undefined) => {
    if (queuedKey) await discardQueued(queuedKey);
    if ('queued' in reply) {
      await sendWaiting();
      back(
        `The server can't be reached: ${reply.name || 'the lead'} is kept in Sidecar and will be sent when it can be.`,
      );
    } else {
      // A new lead may have a coordinator: their open count changes.
      loadReference();
      open(reply.lead.id, reply.likelyDuplicates);
    }
  });

  const settingsClosed = action(() => {
    loadReference();
    back();
  });

  loadReference();
  // Anything captured while the server was out of reach goes now, if it can.
  sendMessage('flushLeadOutbox', undefined).then(
    (r) => {
      waiting.value = r.waiting;
      if (r.sent) message.value = { text: `${count(r.sent, 'captured lead')} sent.`, error: false };
    },
    () => undefined,
  );

  // A capture from the right-click menu or the shortcut opens as a form.
  const take = (pending: Awaited<ReturnType<typeof pendingCaptureItem.getValue>>) => {
    if (!pending) return;
    pendingCaptureItem.setValue(null);
    if ('error' in pending) message.value = { text: pending.error, error: true };
    else if (can('lead:create')) view.value = { kind: 'add', capture: pending.capture };
  };
  pendingCaptureItem.getValue().then(take);
  // Owned by the model, so the watch ends when the area closes.
  effect(() => pendingCaptureItem.watch(take));

  return {
    layout,
    showLayout: action((next: 'list' | 'board') => {
      layout.value = next;
    }),
    view,
    reference,
    message,
    waiting,
    capturing,
    loadReference,
    open,
    openPatient,
    show,
    back,
    captureHere,
    sendWaiting,
    discardQueued,
    fixQueued,
    saved,
    settingsClosed,
  };
});

/** A refused queued capture back in the form, with the values it was queued with. */
function queuedAsCapture(q: QueuedLead): LeadCapture {
  const b = q.body as Record<string, string | undefined> & {
    capture?: { url?: string; title?: string; capturedAt?: string; channel?: string };
  };
  const fields = {
    firstName: b.firstName,
    lastName: b.lastName,
    email: b.email,
    phone: b.phone,
    dateOfBirth: b.dateOfBirth,
    notes: b.notes,
  };
  return {
    fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as LeadCapture['fields'],
    from: {},
    channel: b.capture?.channel === 'email' ? 'email' : 'web_page',
    url: b.capture?.url ?? '',
    title: b.capture?.title ?? q.name,
    capturedAt: b.capture?.capturedAt ?? new Date(q.queuedAt).toISOString(),
  };
}
