import { useState } from 'preact/hooks';
import type { Activity, Coordinator, Stage } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';

const KIND_LABELS: Record<string, string> = {
  call: 'Call',
  email: 'Email',
  note: 'Note',
  stage_change: 'Stage',
  assignment: 'Assigned',
  conversion: 'Converted',
  created: 'Created',
  merge: 'Merged',
};

/** A timeline entry in words: what happened, not the raw detail. */
function describe(a: Activity, stages: Stage[], coordinators: Coordinator[]): string {
  const d = a.detail ?? {};
  if (a.kind === 'stage_change') {
    const to =
      stages.find((s) => s.id === d.toStageId)?.name ?? (d.to as string | undefined) ?? 'another stage';
    return `Moved from ${(d.from as string | undefined) ?? 'a stage'} to ${to}${a.text ? `: ${a.text}` : ''}`;
  }
  if (a.kind === 'assignment') {
    const who = coordinators.find((c) => c.id === d.coordinatorId)?.name ?? 'a coordinator';
    return `${d.automatic ? 'Round-robin assigned' : 'Assigned'} to ${who}`;
  }
  if (a.kind === 'conversion') return 'Converted to a patient';
  if (a.kind === 'created')
    return d.channel ? `Created from ${String(d.channel).replace('_', ' ')}` : 'Created';
  if (a.kind === 'merge') return 'A duplicate lead was merged into this one';
  return a.text ?? '';
}

/** Calls, emails and notes logged by staff, with the system's own entries, newest first. */
export function LeadTimeline(props: {
  items: Activity[];
  stages: Stage[];
  coordinators: Coordinator[];
  canEdit: boolean;
  model: LeadDetailState;
}) {
  const [kind, setKind] = useState<'note' | 'call' | 'email'>('note');
  const [text, setText] = useState('');
  const error = props.model.timeline.error.value;
  const saving = props.model.timeline.saving.value;

  async function log(e: Event) {
    e.preventDefault();
    if (await props.model.logActivity(kind, text)) setText('');
  }

  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {props.canEdit ? (
        <form onSubmit={log} class="inline" noValidate>
          <label class="sr-only" for="activity-kind">
            Kind
          </label>
          <select
            id="activity-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
          >
            <option value="note">Note</option>
            <option value="call">Call</option>
            <option value="email">Email</option>
          </select>
          <label class="sr-only" for="activity-text">
            What happened
          </label>
          <input
            id="activity-text"
            class="grow"
            placeholder="What happened…"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-invalid={error ? 'true' : undefined}
          />
          <button type="submit" class="secondary" disabled={saving}>
            Log
          </button>
        </form>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p class="empty">Nothing logged yet.</p>
      ) : (
        <ol class="plain history" data-testid="lead-timeline">
          {props.items.map((a) => (
            <li key={a.id} data-testid="timeline-entry">
              <span class="badge">{KIND_LABELS[a.kind] ?? a.kind}</span>{' '}
              {describe(a, props.stages, props.coordinators)}{' '}
              <span class="muted small">{new Date(a.createdAt).toLocaleString()}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
