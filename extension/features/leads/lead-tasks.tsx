import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../shared/locale-dates';
import type { LeadTask, RemindersTo } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';

/** The local date and time `days` from now, as a datetime-local input value (minutes). */
function localInputValue(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Who is emailed when a follow-up falls due, in words. */
function remindersText(to: RemindersTo) {
  const names = to.names.join(', ');
  if (to.basis === 'coordinator') return `Reminders go to the coordinator, ${names}.`;
  if (to.basis === 'creator') return `Nobody is assigned: reminders go to ${names}, who added the lead.`;
  if (to.basis === 'lead_coordinators')
    return `Nobody is assigned: reminders go to the treatment coordinators (${names}).`;
  return 'Nobody will be reminded: assign a coordinator.';
}

/** Follow-ups with due times; whoever the lead's reminders go to is emailed once when one falls due. */
export function LeadTasks(props: {
  items: LeadTask[];
  remindersTo: RemindersTo;
  canEdit: boolean;
  model: LeadDetailState;
}) {
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
      <p class="muted small" data-testid="lead-reminders-to">
        {remindersText(props.remindersTo)}
      </p>
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
                {formatDateTime(t.dueAt)}
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
