import { useEffect, useState } from 'preact/hooks';
import { ENROLLMENT_LABELS, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import { sendMessage } from '../../utils/send-message';
import { uploadFile } from '../../utils/upload-file';
import { apiCall } from '../../utils/use-api';

type Item = {
  id: string;
  title: string;
  description: string | null;
  kind: 'document' | 'task';
  required: boolean;
  done: boolean;
  doneAt: string | null;
  note: string | null;
  document: { fileName: string } | null;
  evidence: { url: string; title: string; capturedAt: string } | null;
};
type Checklist = {
  items: Item[];
  enrollment: {
    status: EnrollmentStatus;
    derived: EnrollmentStatus;
    overridden: boolean;
    overrideReason: string | null;
    progress: { requiredDone: number; requiredTotal: number; percent: number };
    warnings: string[];
  };
};

/** A patient's checklist: complete, upload, undo, note; the status follows by itself (spec 000, step 5). */
export function PatientChecklist(props: {
  patientId: string;
  canEdit: boolean;
  canOverride: boolean;
  onStatus: (s: EnrollmentStatus) => void;
}) {
  const [list, setList] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [override, setOverride] = useState<{ status: EnrollmentStatus; reason: string }>({
    status: 'active',
    reason: '',
  });

  const base = `/api/v1/patients/${props.patientId}`;
  const apply = (next: Checklist) => {
    setList(next);
    props.onStatus(next.enrollment.status);
  };
  async function act(key: string, work: () => Promise<Checklist>) {
    setBusy(key);
    setError(null);
    try {
      apply(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  useEffect(() => {
    apiCall<Checklist>('GET', `${base}/checklist`).then(apply, (e: Error) => setError(e.message));
  }, [props.patientId]);

  if (!list) return error ? <p class="alert error">{error}</p> : <p class="muted">Loading checklist…</p>;
  const { enrollment } = list;

  return (
    <section aria-labelledby="checklist-title" data-testid="checklist">
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
                  ? `Done ${new Date(item.doneAt!).toLocaleDateString()}${item.document ? ` · ${item.document.fileName}` : ''}${item.evidence ? ` · evidence: ${item.evidence.title}` : ''}`
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
                  onClick={() =>
                    act(item.id, async () => {
                      const page = await sendMessage('capturePage', undefined);
                      return apiCall('POST', `${base}/checklist/${item.id}/evidence`, page);
                    })
                  }
                >
                  Attach page
                </button>
                <button
                  type="button"
                  class="link"
                  disabled={busy !== null}
                  aria-label={`Note on ${item.title}`}
                  onClick={() => {
                    const note = prompt(`Note on "${item.title}"`, item.note ?? '');
                    if (note !== null)
                      act(item.id, () => apiCall('PUT', `${base}/checklist/${item.id}/note`, { note }));
                  }}
                >
                  Note
                </button>
                {item.done ? (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy !== null}
                    onClick={() => act(item.id, () => apiCall('POST', `${base}/checklist/${item.id}/undo`))}
                  >
                    Undo
                  </button>
                ) : item.kind === 'task' ? (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy !== null}
                    aria-label={`Mark ${item.title} done`}
                    onClick={() =>
                      act(item.id, () => apiCall('POST', `${base}/checklist/${item.id}/done`, {}))
                    }
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
                        if (file)
                          act(
                            item.id,
                            async () =>
                              (await uploadFile(
                                `${base}/checklist/${item.id}/documents`,
                                file,
                                {},
                                () => undefined,
                              )) as Checklist,
                          );
                      }}
                    />
                  </label>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canEdit ? (
        <form
          class="override"
          onSubmit={(e) => {
            e.preventDefault();
            act('status', () => apiCall('POST', `${base}/status`, override));
          }}
        >
          <h3>Status</h3>
          <p class="muted small">
            Discharge marks the patient completed. Setting a status ahead of the checklist is an override
            {props.canOverride ? '' : ', which your role cannot make'}.
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
      ) : null}
    </section>
  );
}
