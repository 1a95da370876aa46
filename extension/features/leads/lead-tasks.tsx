import { useState } from 'preact/hooks';
import type { LeadTask } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';

/** The local date and time `days` from now, as a datetime-local input value (minutes). */
function localInputValue(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Follow-ups with due times; the coordinator is emailed once when one falls due. */
export function LeadTasks(props: { items: LeadTask[]; canEdit: boolean; model: LeadDetailState }) {
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => localInputValue(1));
  const error = props.model.tasks.error.value;
  const saving = props.model.tasks.saving.value;
  const now = Date.now();

  async function add(e: Event) {
    e.preventDefault();
    if (await props.model.addTask(title, due)) setTitle('');
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
                  onChange={() => props.model.toggleTask(t)}
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
        <form onSubmit={add} noValidate class="inline wrap">
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
