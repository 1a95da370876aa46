import { useEffect, useState } from 'preact/hooks';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_TRANSITIONS,
  type ContractStatus,
} from '../../../shared/contract-status';
import {
  CATEGORY_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  FEATURE_INFO,
  FEATURES,
} from '../../../shared/facility-terms';
import type { ContractEvent, Facility, FacilityDocument } from '../../../shared/schemas/facilities';
import { api, call } from '../../api/client';
import { DocumentPicker, formatSize, type PickedFile } from '../../ui/document-picker';
import { type CurrentFacility, currentFacilityItem } from '../../utils/current-facility';
import type { Me } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { uploadFile } from '../../utils/upload-file';
import { FacilityEdit } from './facility-edit';
import { INVITATION_LABELS } from './facility-labels';

/** One facility: profile, administrator invitation, contract and its history, documents. */
export function FacilityDetail({
  me,
  facilityId,
  onBack,
}: {
  me: Me;
  facilityId: string;
  onBack: () => void;
}) {
  const can = (p: string) => me.permissions.includes(p);
  const [facility, setFacility] = useState<Facility | null>(null);
  const [history, setHistory] = useState<ContractEvent[]>([]);
  const [documents, setDocuments] = useState<FacilityDocument[]>([]);
  const [current, setCurrent] = useState<CurrentFacility | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [to, setTo] = useState<ContractStatus | ''>('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  async function load() {
    try {
      const param = { id: facilityId };
      setFacility(await call(api.facilities[':id'].$get({ param })));
      if (can('facilities:full'))
        setHistory((await call(api.facilities[':id']['contract-history'].$get({ param }))).items);
      if (can('facility:documents'))
        setDocuments((await call(api.facilities[':id'].documents.$get({ param }))).items);
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  useEffect(() => {
    load();
    currentFacilityItem.getValue().then(setCurrent);
  }, [facilityId]);

  async function act(work: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await work();
      setMessage({ text: done, error: false });
      await load();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  async function uploadAll() {
    for (const [i, picked] of files.entries()) {
      await uploadFile(
        `/api/v1/facilities/${facilityId}/documents`,
        picked.file,
        { kind: picked.kind },
        (p) =>
          setProgress(
            `${picked.file.name} (${i + 1} of ${files.length}): ${p.phase === 'reading' ? `reading ${Math.round(p.fraction * 100)}%` : p.phase === 'sending' ? 'uploading…' : 'done'}`,
          ),
      );
    }
    setFiles([]);
    setProgress(null);
  }

  async function download(doc: FacilityDocument) {
    const file = await sendMessage('download', {
      path: `/api/v1/facilities/${facilityId}/documents/${doc.id}/download`,
    });
    const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  if (!facility) {
    return (
      <section class="area">
        <button type="button" class="link" onClick={onBack}>
          ← All facilities
        </button>
        {message ? <p class="alert error">{message.text}</p> : <p class="muted">Loading…</p>}
      </section>
    );
  }

  if (editing) {
    return (
      <section class="area" aria-labelledby="facility-title">
        <h2 id="facility-title">Edit {facility.name}</h2>
        <FacilityEdit
          facility={facility}
          canManage={can('facilities:full')}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setMessage({ text: 'Changes saved.', error: false });
            load();
          }}
        />
      </section>
    );
  }

  const isCurrent = current?.id === facility.id && current.organizationId === me.organization.id;
  const a = facility.address;

  return (
    <section class="area" aria-labelledby="facility-title" data-testid="facility-detail">
      <button type="button" class="link" onClick={onBack}>
        ← All facilities
      </button>
      <h2 id="facility-title">{facility.name}</h2>
      <p class="muted small">
        {a.line1}
        {a.line2 ? `, ${a.line2}` : ''}, {a.city}, {a.state} {a.postalCode} ·{' '}
        <span class={`badge status-${facility.contractStatus}`}>
          {CONTRACT_STATUS_LABELS[facility.contractStatus]}
        </span>
      </p>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="facility-message"
        >
          {message.text}
        </p>
      ) : null}
      <button
        type="button"
        class="secondary"
        disabled={isCurrent}
        onClick={async () => {
          const next = { organizationId: me.organization.id, id: facility.id, name: facility.name };
          await currentFacilityItem.setValue(next);
          setCurrent(next);
        }}
      >
        {isCurrent ? 'Current facility for patients' : 'Use for patients'}
      </button>{' '}
      {can('facilities:edit') ? (
        <button type="button" class="secondary" onClick={() => setEditing(true)}>
          Edit
        </button>
      ) : null}
      <h3>Administrator</h3>
      {facility.administrator ? (
        <div class="row-between">
          <div>
            {facility.administrator.name} <span class="muted small">{facility.administrator.email}</span>
            <div class="small" data-testid="invitation-state">
              {INVITATION_LABELS[facility.administrator.invitation]}
            </div>
          </div>
          {can('facilities:full') &&
          ['sent', 'expired', 'revoked'].includes(facility.administrator.invitation) ? (
            <button
              type="button"
              class="secondary"
              onClick={() =>
                act(
                  () =>
                    call(api.facilities[':id'].administrator.resend.$post({ param: { id: facility.id } })),
                  'Invitation sent again.',
                )
              }
            >
              Resend invitation
            </button>
          ) : null}
        </div>
      ) : (
        <p class="empty">No administrator yet.</p>
      )}
      <h3>Features</h3>
      <ul class="plain">
        {FEATURES.filter((f) => facility.features[f]).map((f) => (
          <li key={f}>
            <strong>{FEATURE_INFO[f].label}</strong>{' '}
            <span class="muted small">{FEATURE_INFO[f].meaning}</span>
          </li>
        ))}
        {FEATURES.every((f) => !facility.features[f]) ? <li class="empty">No features selected.</li> : null}
      </ul>
      <p class="small">
        Cycle:{' '}
        {facility.cycleStartDay
          ? `day ${facility.cycleStartDay}, next ${facility.nextCycleDate}`
          : 'no cycle day'}{' '}
        · Categories:{' '}
        {facility.serviceCategories.length
          ? facility.serviceCategories.map((c) => CATEGORY_LABELS[c]).join(', ')
          : 'none'}
      </p>
      {can('facilities:full') ? (
        <>
          <h3>Contract</h3>
          <form
            class="contract"
            onSubmit={(e) => {
              e.preventDefault();
              if (to)
                act(
                  () =>
                    call(
                      api.facilities[':id'].contract.$post({
                        param: { id: facility.id },
                        json: { to, note: note.trim() || undefined },
                      }),
                    ),
                  `Contract is now ${CONTRACT_STATUS_LABELS[to]}.`,
                ).then(() => {
                  setTo('');
                  setNote('');
                });
            }}
          >
            <label for="contract-to">Change status to</label>
            <select
              id="contract-to"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value as ContractStatus)}
            >
              <option value="">Choose…</option>
              {CONTRACT_TRANSITIONS[facility.contractStatus].map((s) => (
                <option value={s} key={s}>
                  {CONTRACT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <label for="contract-note">Note (optional)</label>
            <input id="contract-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            <button type="submit" class="primary" disabled={!to}>
              Change status
            </button>
          </form>
          <ol class="history" aria-label="Contract history">
            {history.map((h) => (
              <li key={h.id}>
                {h.fromStatus ? `${CONTRACT_STATUS_LABELS[h.fromStatus]} → ` : ''}
                {CONTRACT_STATUS_LABELS[h.toStatus]}{' '}
                <span class="muted small">{new Date(h.createdAt).toLocaleString()}</span>
                {h.note ? <div class="muted small">{h.note}</div> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {can('facility:documents') ? (
        <>
          <h3>Documents</h3>
          {documents.length === 0 ? <p class="empty">No documents yet.</p> : null}
          <ul class="list" aria-label="Documents">
            {documents.map((d) => (
              <li key={d.id} data-testid="document-row">
                <div>
                  {d.fileName}
                  <div class="muted small">
                    {DOCUMENT_KIND_LABELS[d.kind]} · {formatSize(d.sizeBytes)} ·{' '}
                    {new Date(d.createdAt).toLocaleDateString()}
                  </div>
                </div>
                <div class="row-actions">
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      download(d).catch((e: Error) => setMessage({ text: e.message, error: true }))
                    }
                  >
                    Download
                  </button>
                  {can('facilities:full') ? (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => {
                        if (confirm(`Delete ${d.fileName}? The deletion is recorded.`)) {
                          act(
                            () =>
                              call(
                                api.facilities[':id'].documents[':documentId'].$delete({
                                  param: { id: facility.id, documentId: d.id },
                                }),
                              ),
                            `${d.fileName} deleted.`,
                          );
                        }
                      }}
                    >
                      Delete
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {can('facilities:full') ? (
            <>
              <DocumentPicker
                files={files}
                onChange={setFiles}
                kinds={DOCUMENT_KINDS}
                kindLabels={DOCUMENT_KIND_LABELS}
              />
              {progress ? (
                <p class="muted small" role="status">
                  {progress}
                </p>
              ) : null}
              <button
                type="button"
                class="primary"
                disabled={files.length === 0 || progress !== null}
                onClick={() => act(uploadAll, 'Documents uploaded.')}
              >
                Upload {files.length || ''} document{files.length === 1 ? '' : 's'}
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
