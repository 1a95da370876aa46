import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../utils/use-api';

type Entry = { providerName: string; assignedAt: string; endedAt: string | null; endReason: string | null };

/** Who the patient is assigned to now, and before (spec 000, step 6). */
export function AssignmentHistory({ patientId }: { patientId: string }) {
  const [items, setItems] = useState<Entry[] | null>(null);
  useEffect(() => {
    apiCall<{ items: Entry[] }>('GET', `/api/v1/assignments/history/${patientId}`).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [patientId]);
  if (!items) return null;
  const current = items.find((i) => !i.endedAt);
  return (
    <section aria-labelledby="provider-title">
      <h3 id="provider-title">Provider</h3>
      <p class="small" data-testid="current-provider">
        {current
          ? `${current.providerName}, since ${new Date(current.assignedAt).toLocaleDateString()}`
          : 'Not assigned yet (in the pending pool once enrolled).'}
      </p>
      {items.some((i) => i.endedAt) ? (
        <ul class="plain small muted">
          {items
            .filter((i) => i.endedAt)
            .map((i) => (
              <li key={i.assignedAt}>
                {i.providerName}: {new Date(i.assignedAt).toLocaleDateString()} to{' '}
                {new Date(i.endedAt!).toLocaleDateString()} ({i.endReason})
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
