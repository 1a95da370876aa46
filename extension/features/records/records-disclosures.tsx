import { useEffect, useState } from 'preact/hooks';
import type { DisclosureList } from '../../../shared/schemas/records-disclosures';
import { api, call } from '../../api/client';
import { saveFile } from '../../utils/save-file';
import { sendMessage } from '../../utils/send-message';

const byPatient = api['records-disclosures'][':patientId'];

/** The patient's accounting of disclosures, with its CSV and PDF exports; fetched again when `version` (the request's last change) moves. */
export function RecordsDisclosures(props: { patientId: string; version: string }) {
  const [list, setList] = useState<DisclosureList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(byPatient.$get({ param: { patientId: props.patientId } }))
      .then(setList)
      .catch((e: Error) => setError(e.message));
  }, [props.patientId, props.version]);
  const download = async (format: 'csv' | 'pdf') => {
    try {
      const path = byPatient[':format'].download.$url({
        param: { patientId: props.patientId, format },
      }).pathname;
      saveFile(await sendMessage('download', { path }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!list) return error ? <p class="alert error">{error}</p> : null;
  return (
    <section aria-label="Disclosures">
      <h3>Disclosures of {list.patientName}</h3>
      {list.items.length === 0 ? <p class="empty">Nothing released yet.</p> : null}
      <ul class="history" aria-label="Disclosures">
        {list.items.map((d) => (
          <li key={d.id} class="small" data-testid="records-disclosure">
            {d.releasedAt.slice(0, 10)} · {d.recipientName}
            {d.recipientOrganization ? ` (${d.recipientOrganization})` : ''} · {d.description} · {d.purpose}
          </li>
        ))}
      </ul>
      <div class="row-actions">
        <button type="button" class="secondary" onClick={() => download('csv')}>
          Export CSV
        </button>
        <button type="button" class="secondary" onClick={() => download('pdf')}>
          Export PDF
        </button>
      </div>
      {error ? <p class="alert error">{error}</p> : null}
    </section>
  );
}
