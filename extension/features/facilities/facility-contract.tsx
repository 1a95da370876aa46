import { useState } from 'preact/hooks';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_TRANSITIONS,
  type ContractStatus,
} from '../../../shared/contract-status';
import { formatDateTime } from '../../../shared/locale-dates';
import type { ContractEvent, Facility } from '../../../shared/schemas/facilities';

/** The contract status change form and the history of every change, newest as the server orders it. */
export function FacilityContract({
  facility,
  history,
  onChange,
}: {
  facility: Facility;
  history: ContractEvent[];
  onChange: (to: ContractStatus, note: string) => Promise<void>;
}) {
  const [to, setTo] = useState<ContractStatus | ''>('');
  const [note, setNote] = useState('');
  return (
    <>
      <h3>Contract</h3>
      <form
        class="contract"
        onSubmit={(e) => {
          e.preventDefault();
          if (to)
            onChange(to, note).then(() => {
              setTo('');
              setNote('');
            });
        }}
      >
        <label for="contract-to">Change status to</label>
        <select id="contract-to" value={to} onChange={(e) => setTo(e.currentTarget.value as ContractStatus)}>
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
            <span class="muted small">{formatDateTime(h.createdAt)}</span>
            {h.note ? <div class="muted small">{h.note}</div> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
