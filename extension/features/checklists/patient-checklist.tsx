import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ENROLLMENT_LABELS, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import { formatDate } from '../../../shared/locale-dates';
import type { ChecklistItem } from '../../../shared/schemas/checklists';
import { TextPrompt } from '../../ui/text-prompt';
import { PatientChecklistModel } from './patient-checklist-model';

/** A patient's checklist: complete, upload, undo, note; the status follows by itself (spec 000, step 5). */
export function PatientChecklist(props: {
  patientId: string;
  canEdit: boolean;
  canOverride: boolean;
  onStatus: (s: EnrollmentStatus) => void;
}) {
  const model = useModel(() => new PatientChecklistModel(props.patientId, props.onStatus));
  const list = model.list.value;
  const error = model.error.value;
  const busy = model.busy.value;
  // Purely local: the item whose note is being written, and the status form before Save.
  const [noteFor, setNoteFor] = useState<ChecklistItem | null>(null);
  const [override, setOverride] = useState<{ status: EnrollmentStatus; reason: string }>({
    status: 'active',
    reason: '',
  });

  if (!list) return error ? <p class="alert error">{error}</p> : <p class="muted">Loading checklist…</p>;
  const { enrollment } = list;

  return (
    <section aria-labelledby="checklist-title" data-testid="checklist">
      {noteFor ? (
        <TextPrompt
          title={`Note on ${noteFor.title}`}
          label="Note"
          initial={noteFor.note ?? ''}
          minLength={0}
          confirmLabel="Save note"
          onCancel={() => setNoteFor(null)}
          onDone={(note) => {
            setNoteFor(null);
            model.note(noteFor, note);
          }}
        />
      ) : null}
      <h3 id="checklist-title">Checklist</h3>
      <p class="small" data-testid="enrollment-status">
        <strong>{ENROLLMENT_LABELS[enrollment.status]}</strong> · {enrollment.progress.requiredDone} of{' '}
        {enrollment.progress.requiredTotal} required done ({enrollment.progress.percent}%)
        {enrollment.overridden ? <span class="badge"> Override: {enrollment.overrideReason}</span> : null}
      </p>
      <div
        class="progress"
        role="progressbar"
        aria-valuenow={enrollment.progress.percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label="Required items done"
      >
        <span style={{ width: `${enrollment.progress.percent}%` }} />
      </div>
      {enrollment.warnings.map((w) => (
        <p class="alert" key={w}>
          {w}
        </p>
      ))}
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <ul class="list" aria-label="Checklist items">
        {list.items.map((item) => (
          <li key={item.id} data-testid="checklist-item">
            <div>
              <span aria-hidden="true">{item.done ? '✓ ' : '○ '}</span>
              <strong>{item.title}</strong>{' '}
              {item.required ? null : <span class="muted small">(optional)</span>}
              <div class="muted small">
                {item.done
                  ? `Done ${formatDate(item.doneAt!)}${item.document ? ` · ${item.document.fileName}` : ''}${item.evidence ? ` · evidence: ${item.evidence.title}` : ''}`
                  : (item.description ?? '')}
                {item.note ? ` · Note: ${item.note}` : ''}
              </div>
            </div>
            {props.canEdit ? (
              <div class="row-actions">
                <button
                  type="button"
                  class="link"
                  disabled={busy !== null}
                  title="Attach the page you are looking at (address, title, time and a fingerprint of its text)"
                  onClick={() => model.attachPage(item)}
                >
                  Attach page
                </button>
                <button
                  type="button"
                  class="link"
                  disabled={busy !== null}
                  aria-label={`Note on ${item.title}`}
                  onClick={() => setNoteFor(item)}
                >
                  Note
                </button>
                {item.done ? (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy !== null}
                    onClick={() => model.undo(item)}
                  >
                    Undo
                  </button>
                ) : item.kind === 'task' ? (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy !== null}
                    aria-label={`Mark done: ${item.title}`}
                    onClick={() => model.done(item)}
                  >
                    Mark done
                  </button>
                ) : (
                  <label class="secondary upload">
                    {busy === item.id ? 'Uploading…' : 'Upload'}
                    <input
                      type="file"
                      accept=".pdf,.png,.jpg,.jpeg,.doc,.docx"
                      aria-label={`Upload ${item.title}`}
                      onChange={(e) => {
                        const file = e.currentTarget.files?.[0];
                        if (file) model.upload(item, file);
                      }}
                    />
                  </label>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canEdit && props.canOverride ? (
        <form
          class="override"
          onSubmit={(e) => {
            e.preventDefault();
            model.setStatus(override.status, override.reason);
          }}
        >
          <h3>Status</h3>
          <p class="muted small">
            Discharge marks the patient completed. Setting a status ahead of the checklist is an override.
          </p>
          <div class="two">
            <div>
              <label for="status-to">Set status</label>
              <select
                id="status-to"
                value={override.status}
                onChange={(e) =>
                  setOverride({ ...override, status: e.currentTarget.value as EnrollmentStatus })
                }
              >
                {ENROLLMENT_ORDER.map((s) => (
                  <option value={s} key={s}>
                    {s === 'completed' ? 'Completed (discharged)' : ENROLLMENT_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="status-reason">Reason</label>
              <input
                id="status-reason"
                value={override.reason}
                onInput={(e) => setOverride({ ...override, reason: e.currentTarget.value })}
              />
            </div>
          </div>
          <button
            type="submit"
            class="secondary"
            disabled={override.reason.trim().length < 3 || busy !== null}
          >
            Save status
          </button>
        </form>
      ) : props.canEdit && enrollment.status !== 'completed' ? (
        // Without the override permission the one status a person sets is discharge: nothing is offered that the server refuses.
        <form
          class="override"
          onSubmit={(e) => {
            e.preventDefault();
            model.setStatus('completed', override.reason);
          }}
        >
          <h3>Discharge</h3>
          <p class="muted small">Discharge marks the patient completed and ends the provider assignment.</p>
          <label for="status-reason">Reason for discharge</label>
          <input
            id="status-reason"
            value={override.reason}
            onInput={(e) => setOverride({ ...override, reason: e.currentTarget.value })}
          />
          <button
            type="submit"
            class="secondary"
            disabled={override.reason.trim().length < 3 || busy !== null}
          >
            Discharge
          </button>
        </form>
      ) : null}
    </section>
  );
}
