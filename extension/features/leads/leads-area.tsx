import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LeadCapture, Me, QueuedLead } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { pendingCaptureItem } from '../../utils/storage-items';
import { apiCall } from '../../utils/use-api';
import { LeadAnalyticsView } from './lead-analytics';
import { LeadDetail } from './lead-detail';
import { LeadForm } from './lead-form';
import { LeadList } from './lead-list';
import { LeadOutbox } from './lead-outbox';
import type { Coordinator, DuplicateMatch, Source, Stage } from './lead-types';
import { PipelineSettings } from './pipeline-settings';

type View =
  | { kind: 'list' }
  | { kind: 'add'; capture?: LeadCapture; queuedKey?: string }
  | { kind: 'detail'; id: string; duplicates?: DuplicateMatch[] }
  | { kind: 'analytics' }
  | { kind: 'settings' };

type Reference = { stages: Stage[]; sources: Source[]; coordinators: Coordinator[] };

/** Leads (spec 001, 8.1): the pipeline, capture from pages and email, follow-ups and analytics. */
export function LeadsArea({ me }: { me: Me }) {
  const can = (p: string) => me.permissions.includes(p);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [ref, setRef] = useState<Reference | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [waiting, setWaiting] = useState<QueuedLead[]>([]);
  const [capturing, setCapturing] = useState(false);

  const loadReference = useCallback(async () => {
    try {
      const [stages, sources, coordinators] = await Promise.all([
        apiCall<{ items: Stage[] }>('GET', '/api/v1/pipeline-stages'),
        apiCall<{ items: Source[] }>('GET', '/api/v1/lead-sources'),
        apiCall<{ items: Coordinator[] }>('GET', '/api/v1/lead-coordinators').catch(() => ({ items: [] })),
      ]);
      setRef({ stages: stages.items, sources: sources.items, coordinators: coordinators.items });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }, []);

  useEffect(() => {
    loadReference();
    // Anything captured while the server was out of reach goes now, if it can.
    sendMessage('flushLeadOutbox', undefined).then(
      (r) => {
        setWaiting(r.waiting);
        if (r.sent) setMessage({ text: `${r.sent} captured lead(s) sent.`, error: false });
      },
      () => undefined,
    );
  }, [loadReference]);

  // A capture from the right-click menu or the shortcut opens as a form.
  useEffect(() => {
    const take = (pending: Awaited<ReturnType<typeof pendingCaptureItem.getValue>>) => {
      if (!pending) return;
      pendingCaptureItem.setValue(null);
      if ('error' in pending) setMessage({ text: pending.error, error: true });
      else if (can('lead:create')) setView({ kind: 'add', capture: pending.capture });
    };
    pendingCaptureItem.getValue().then(take);
    return pendingCaptureItem.watch(take);
  }, []);

  async function captureHere() {
    setCapturing(true);
    setMessage(null);
    try {
      setView({ kind: 'add', capture: await sendMessage('captureLead', undefined) });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setCapturing(false);
    }
  }

  const back = (text?: string) => {
    setMessage(text ? { text, error: false } : null);
    setView({ kind: 'list' });
  };

  if (!ref)
    return message ? (
      <p class="alert error" role="alert">
        {message.text}
      </p>
    ) : (
      <p class="muted">Loading…</p>
    );

  if (view.kind === 'add')
    return (
      <LeadForm
        key={view.capture?.capturedAt ?? 'new'}
        capture={view.capture}
        sources={ref.sources}
        coordinators={ref.coordinators}
        canAssign={can('lead:assign')}
        onCancel={() => back()}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onSaved={async (saved) => {
          if (view.queuedKey)
            setWaiting((await sendMessage('discardQueuedLead', { idempotencyKey: view.queuedKey })).waiting);
          if ('queued' in saved) {
            setWaiting((await sendMessage('flushLeadOutbox', undefined)).waiting);
            back(
              `The server can't be reached: ${saved.name || 'the lead'} is kept in Sidecar and will be sent when it can be.`,
            );
          } else
            setView({
              kind: 'detail',
              id: saved.lead.id,
              duplicates: saved.likelyDuplicates,
            });
        }}
      />
    );
  if (view.kind === 'detail')
    return (
      <LeadDetail
        key={view.id}
        leadId={view.id}
        {...ref}
        permissions={me.permissions}
        duplicates={view.duplicates}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onBack={() => back()}
      />
    );
  if (view.kind === 'analytics')
    return <LeadAnalyticsView coordinators={ref.coordinators} onBack={() => back()} />;
  if (view.kind === 'settings')
    return (
      <PipelineSettings
        onBack={() => {
          loadReference();
          back();
        }}
      />
    );

  return (
    <div>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="leads-message"
        >
          {message.text}
        </p>
      ) : null}
      <LeadOutbox
        waiting={waiting}
        onChange={setWaiting}
        onFix={(q) =>
          setView({
            kind: 'add',
            queuedKey: q.idempotencyKey,
            capture: queuedAsCapture(q),
          })
        }
      />
      {can('lead:create') ? (
        <div class="row">
          <button type="button" class="primary" onClick={captureHere} disabled={capturing}>
            {capturing ? 'Reading the page…' : 'Capture from this page'}
          </button>
          <button type="button" class="secondary" onClick={() => setView({ kind: 'add' })}>
            Add lead
          </button>
        </div>
      ) : null}
      <div class="row">
        <button type="button" class="link" onClick={() => setView({ kind: 'analytics' })}>
          Analytics
        </button>
        {can('leads:full') ? (
          <button type="button" class="link" onClick={() => setView({ kind: 'settings' })}>
            Pipeline and sources
          </button>
        ) : null}
      </div>
      <LeadList
        stages={ref.stages}
        sources={ref.sources}
        coordinators={ref.coordinators}
        onOpen={(id) => setView({ kind: 'detail', id })}
      />
    </div>
  );
}

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
