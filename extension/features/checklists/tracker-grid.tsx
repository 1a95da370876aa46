import { useEffect, useState } from 'preact/hooks';
import { ENROLLMENT_LABELS, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import { apiCall } from '../../utils/use-api';

type Row = {
  id: string;
  firstName: string;
  lastName: string;
  enrollmentStatus: EnrollmentStatus;
  overridden: boolean;
  visitPreference: string;
  meetingStatus: string;
  progress: { requiredDone: number; requiredTotal: number; percent: number };
  missing: string[];
  lastUpdate: string;
};
type Grid = { items: Row[]; worklist: { title: string; patients: number }[]; truncated: boolean };

const VISIT = { in_person: 'In person', telehealth: 'Telehealth', no_preference: 'No preference' } as const;
const MEETING = { not_scheduled: 'Not scheduled', scheduled: 'Scheduled', completed: 'Completed' } as const;

/** The patient tracker of the current facility (spec 000, step 5). */
export function TrackerGrid(props: {
  facilityId: string;
  canEdit: boolean;
  onOpen: (id: string) => void;
  onBack: () => void;
}) {
  const [grid, setGrid] = useState<Grid | null>(null);
  const [status, setStatus] = useState('');
  const [missing, setMissing] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState('name');
  const [error, setError] = useState<string | null>(null);

  const query = new URLSearchParams({
    facilityId: props.facilityId,
    sort,
    ...(status ? { status } : {}),
    ...(missing ? { missing } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  });
  const load = () =>
    apiCall<Grid>('GET', `/api/v1/tracker?${query}`).then(setGrid, (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, [query.toString()]);

  async function setStatusTo(id: string, status: string, reason: string) {
    try {
      await apiCall('POST', `/api/v1/patients/${id}/status`, { status, reason });
    } catch (e) {
      setError((e as Error).message);
    }
    await load();
  }

  async function update(id: string, body: Record<string, string>) {
    try {
      await apiCall('PATCH', `/api/v1/patients/${id}`, body);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section class="area" aria-labelledby="tracker-title" data-testid="tracker">
      <button type="button" class="link" onClick={props.onBack}>
        ← Patients
      </button>
      <h2 id="tracker-title">Patient tracker</h2>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {grid?.worklist.length ? (
        <div>
          <h3>Blocking the most patients</h3>
          <ul class="plain small" data-testid="worklist">
            {grid.worklist.slice(0, 5).map((w) => (
              <li key={w.title}>
                <button type="button" class="link" onClick={() => setMissing(w.title)}>
                  {w.title}
                </button>{' '}
                · {w.patients} patient{w.patients === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="filters">
        <input
          type="search"
          aria-label="Search by name"
          placeholder="Search by name"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">Any status</option>
          {ENROLLMENT_ORDER.map((s) => (
            <option value={s} key={s}>
              {ENROLLMENT_LABELS[s]}
            </option>
          ))}
        </select>
        <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.currentTarget.value)}>
          <option value="name">Name</option>
          <option value="status">Status</option>
          <option value="progress">Progress</option>
          <option value="updated">Last update</option>
        </select>
      </div>
      {missing ? (
        <p class="small">
          Missing: <strong>{missing}</strong>{' '}
          <button type="button" class="link" onClick={() => setMissing('')}>
            clear
          </button>
        </p>
      ) : null}
      {grid && grid.items.length === 0 ? <p class="empty">No patient matches.</p> : null}
      <div class="table-wrap">
        <table class="review tracker">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Visit</th>
              <th scope="col">Meeting</th>
            </tr>
          </thead>
          <tbody>
            {grid?.items.map((r) => (
              <tr key={r.id} data-testid="tracker-row">
                <td>
                  <button type="button" class="link" onClick={() => props.onOpen(r.id)}>
                    {r.lastName}, {r.firstName}
                  </button>
                  <div class="muted small">{new Date(r.lastUpdate).toLocaleDateString()}</div>
                </td>
                <td>
                  {props.canEdit ? (
                    <select
                      aria-label={`Status of ${r.firstName} ${r.lastName}`}
                      value={r.enrollmentStatus}
                      onChange={(e) => {
                        const next = e.currentTarget.value;
                        // The same rule as on the patient: a reason always, and the override permission when ahead of the checklist.
                        const reason = prompt(
                          `Reason for setting ${r.firstName} ${r.lastName} to ${ENROLLMENT_LABELS[next as EnrollmentStatus]}`,
                        );
                        if (reason && reason.trim().length >= 3) setStatusTo(r.id, next, reason.trim());
                        else load();
                      }}
                    >
                      {ENROLLMENT_ORDER.map((s) => (
                        <option value={s} key={s}>
                          {ENROLLMENT_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ENROLLMENT_LABELS[r.enrollmentStatus]
                  )}
                  {r.overridden ? <span class="badge">override</span> : null}
                </td>
                <td title={r.missing.length ? `Missing: ${r.missing.join(', ')}` : 'Nothing missing'}>
                  {r.progress.requiredDone}/{r.progress.requiredTotal}
                </td>
                <td>
                  <select
                    aria-label={`Visit preference of ${r.firstName} ${r.lastName}`}
                    disabled={!props.canEdit}
                    value={r.visitPreference}
                    onChange={(e) => update(r.id, { visitPreference: e.currentTarget.value })}
                  >
                    {Object.entries(VISIT).map(([v, label]) => (
                      <option value={v} key={v}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Meeting status of ${r.firstName} ${r.lastName}`}
                    disabled={!props.canEdit}
                    value={r.meetingStatus}
                    onChange={(e) => update(r.id, { meetingStatus: e.currentTarget.value })}
                  >
                    {Object.entries(MEETING).map(([v, label]) => (
                      <option value={v} key={v}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
