import { createModel, signal, useModel } from '@preact/signals';
import { formatDate } from '../../../shared/locale-dates';
import type { AssignmentHistoryEntry } from '../../../shared/schemas/providers';
import { api, call } from '../../api/client';

/** A patient's assignments, newest first; an empty history when it cannot be read. */
const AssignmentHistoryModel = createModel((patientId: string) => {
  const items = signal<AssignmentHistoryEntry[] | null>(null);
  call(api.assignments.history[':patientId'].$get({ param: { patientId } })).then(
    (r) => {
      items.value = r.items;
    },
    () => {
      items.value = [];
    },
  );
  return { items };
});

/** Who the patient is assigned to now, and before (spec 000, step 6). */
export function AssignmentHistory({ patientId }: { patientId: string }) {
  const items = useModel(() => new AssignmentHistoryModel(patientId)).items.value;
  if (!items) return null;
  const current = items.find((i) => !i.endedAt);
  return (
    <section aria-labelledby="provider-title">
      <h3 id="provider-title">Provider</h3>
      <p class="small" data-testid="current-provider">
        {current
          ? `${current.providerName}, since ${formatDate(current.assignedAt)}`
          : 'Not assigned yet (in the pending pool once enrolled).'}
      </p>
      {items.some((i) => i.endedAt) ? (
        <ul class="plain small muted">
          {items
            .filter((i) => i.endedAt)
            .map((i) => (
              <li key={i.assignedAt}>
                {i.providerName}: {formatDate(i.assignedAt)} to {formatDate(i.endedAt!)} ({i.endReason})
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
