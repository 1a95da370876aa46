import { useState } from 'preact/hooks';
import type { Activity, Coordinator, Stage } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';
import { TimelineEntries } from './lead-timeline-entries';

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
        <TimelineEntries items={props.items} stages={props.stages} coordinators={props.coordinators} />
      )}
    </section>
  );
}
