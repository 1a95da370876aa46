import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ENROLLMENT_LABELS, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import { formatDate } from '../../../shared/locale-dates';
import type { TrackerRow } from '../../../shared/schemas/checklists';
import { TextPrompt } from '../../ui/text-prompt';
import { TrackerModel, type TrackerSort } from './tracker-model';

const VISIT = { in_person: 'In person', telehealth: 'Telehealth', no_preference: 'No preference' } as const;
const MEETING = { not_scheduled: 'Not scheduled', scheduled: 'Scheduled', completed: 'Completed' } as const;

/** The patient tracker of the current facility (spec 000, step 5). */
export function TrackerGrid(props: {
  facilityId: string;
  canEdit: boolean;
  /** Setting a status here is an override (a reason, ahead of the checklist): only roles that may make one see the menu. */
  canOverride: boolean;
  onOpen: (id: string) => void;
  onBack: () => void;
}) {
  const model = useModel(() => new TrackerModel(props.facilityId));
  // Purely local: a status chosen in the grid, waiting for its reason.
  const [statusChange, setStatusChange] = useState<{ row: TrackerRow; to: EnrollmentStatus } | null>(null);
  const grid = model.grid.value;
  const error = model.error.value;
  const { status, missing, q, sort } = model.filters.value;

  return (
    <section class="area" aria-labelledby="tracker-title" data-testid="tracker">
      <button type="button" class="link" onClick={props.onBack}>
        ← Patients
      </button>
      <h2 id="tracker-title">Patient tracker</h2>
      {statusChange ? (
        // The same rule as on the patient: a reason always, and the override permission when ahead of the checklist.
        <TextPrompt
          title={`Set ${statusChange.row.firstName} ${statusChange.row.lastName} to ${ENROLLMENT_LABELS[statusChange.to]}`}
          label="Reason"
          minLength={3}
          confirmLabel="Set status"
          onCancel={() => {
            setStatusChange(null);
            model.reload();
          }}
          onDone={(reason) => {
            setStatusChange(null);
            model.setStatus(statusChange.row.id, statusChange.to, reason);
          }}
        />
      ) : null}
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
                <button type="button" class="link" onClick={() => model.filter({ missing: w.title })}>
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
          onInput={(e) => model.filter({ q: e.currentTarget.value })}
        />
        <select
          aria-label="Status"
          value={status}
          onChange={(e) => model.filter({ status: e.currentTarget.value as EnrollmentStatus | '' })}
        >
          <option value="">Any status</option>
          {ENROLLMENT_ORDER.map((s) => (
            <option value={s} key={s}>
              {ENROLLMENT_LABELS[s]}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort"
          value={sort}
          onChange={(e) => model.filter({ sort: e.currentTarget.value as TrackerSort })}
        >
          <option value="name">Name</option>
          <option value="status">Status</option>
          <option value="progress">Progress</option>
          <option value="updated">Last update</option>
        </select>
      </div>
      {missing ? (
        <p class="small">
          Missing: <strong>{missing}</strong>{' '}
          <button type="button" class="link" onClick={() => model.filter({ missing: '' })}>
            clear
          </button>
        </p>
      ) : null}
      {grid && grid.items.length === 0 ? <p class="empty">No patient matches.</p> : null}
      <div class="table-wrap">
        <table class="review tracker stack">
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
                <td data-label="Patient">
                  <button type="button" class="link" onClick={() => props.onOpen(r.id)}>
                    {r.lastName}, {r.firstName}
                  </button>
                  <div class="muted small">{formatDate(r.lastUpdate)}</div>
                </td>
                <td data-label="Status">
                  {props.canOverride ? (
                    <select
                      aria-label={`Status of ${r.firstName} ${r.lastName}`}
                      value={r.enrollmentStatus}
                      onChange={(e) =>
                        setStatusChange({ row: r, to: e.currentTarget.value as EnrollmentStatus })
                      }
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
                <td
                  data-label="Progress"
                  title={r.missing.length ? `Missing: ${r.missing.join(', ')}` : 'Nothing missing'}
                >
                  {r.progress.requiredDone}/{r.progress.requiredTotal}
                </td>
                <td data-label="Visit">
                  {props.canEdit ? (
                    <select
                      aria-label={`Visit preference of ${r.firstName} ${r.lastName}`}
                      value={r.visitPreference}
                      onChange={(e) =>
                        model.update(r.id, { visitPreference: e.currentTarget.value as keyof typeof VISIT })
                      }
                    >
                      {Object.entries(VISIT).map(([v, label]) => (
                        <option value={v} key={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    (VISIT[r.visitPreference as keyof typeof VISIT] ?? r.visitPreference)
                  )}
                </td>
                <td data-label="Meeting">
                  {props.canEdit ? (
                    <select
                      aria-label={`Meeting status of ${r.firstName} ${r.lastName}`}
                      value={r.meetingStatus}
                      onChange={(e) =>
                        model.update(r.id, { meetingStatus: e.currentTarget.value as keyof typeof MEETING })
                      }
                    >
                      {Object.entries(MEETING).map(([v, label]) => (
                        <option value={v} key={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    (MEETING[r.meetingStatus as keyof typeof MEETING] ?? r.meetingStatus)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
