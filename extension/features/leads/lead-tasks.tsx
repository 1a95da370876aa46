import { useState } from 'preact/hooks';
import { apiCall } from '../../utils/use-api';
import type { LeadTask } from './lead-types';

/** The local date and time `days` from now, as a datetime-local input value (minutes). */
function localInputValue(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Follow-ups with due times; the coordinator is emailed once when one falls due. */
export function LeadTasks(props: {
  leadId: string;
  items: LeadTask[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => localInputValue(1));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const now = Date.now();

  async function add(e: Event) {
    e.preventDefault();
    const dueAt = new Date(due);
    if (!title.trim() || Number.isNaN(dueAt.getTime())) {
      setError('Give the follow-up a title and a due time.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await apiCall('POST', `/api/v1/leads/${props.leadId}/tasks`, {
        title,
        dueAt: dueAt.toISOString(),
      });
      setTitle('');
      props.onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  async function toggle(task: LeadTask) {
    setError(null);
    try {
      await apiCall('PATCH', `/api/v1/leads/${props.leadId}/tasks/${task.id}`, { done: !task.done });
      props.onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="tasks-title">
      <h3 id="tasks-title">Follow-ups</h3>
      {props.items.length === 0 ? <p class="empty">No follow-ups. Add one so nothing slips.</p> : null}
      <ul class="plain" data-testid="lead-tasks">
        {props.items.map((t) => {
          const overdue = !t.done && Date.parse(t.dueAt) < now;
          return (
            <li key={t.id} data-testid="lead-task">
              <label class="check">
                <input
                  type="checkbox"
                  checked={t.done}
                  disabled={!props.canEdit}
                  onChange={() => toggle(t)}
                />{' '}
                <span class={t.done ? 'muted' : ''}>{t.title}</span>
              </label>{' '}
              <span class={overdue ? 'badge warn' : 'muted small'}>
                {overdue ? 'overdue · ' : ''}
                {new Date(t.dueAt).toLocaleString()}
              </span>
            </li>
          );
        })}
      </ul>
      {props.canEdit ? (
        <form onSubmit={add} noValidate class="inline">
          <label class="sr-only" for="task-title">
            Follow-up
          </label>
          <input
            id="task-title"
            class="grow"
            placeholder="Follow-up, e.g. call back about times"
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <label class="sr-only" for="task-due">
            Due
          </label>
          <input
            id="task-due"
            type="datetime-local"
            value={due}
            onInput={(e) => setDue(e.currentTarget.value)}
          />
          <button type="submit" class="secondary" disabled={saving}>
            Add
          </button>
        </form>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
