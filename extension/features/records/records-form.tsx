import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import type { RecordsRequest } from '../../../shared/schemas/records';
import { Field } from '../../ui/field';
import { RecordsFormModel } from './records-form-model';

const today = () => new Date().toISOString().slice(0, 10);

/** Logs a request: who asked (or whom we ask), for which patient, what and why, and how it came and will go. */
export function RecordsForm(props: { onCancel: () => void; onSaved: (r: RecordsRequest) => void }) {
  const model = useModel(RecordsFormModel);
  const [v, setV] = useState({
    direction: 'outgoing' as 'outgoing' | 'incoming',
    requesterKind: 'patient' as 'patient' | 'third_party',
    partyName: '',
    partyOrganization: '',
    partyEmail: '',
    recordTypes: '',
    accessKind: 'copies' as 'copies' | 'inspection',
    purpose: '',
    receivedVia: 'email' as const,
    deliveryMethod: 'secure_link' as const,
    receivedOn: today(),
    search: '',
  });
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch });
  const chosen = model.patient.value;
  const save = async (e: Event) => {
    e.preventDefault();
    const saved = await model.submit({
      direction: v.direction,
      requesterKind: v.direction === 'incoming' ? 'third_party' : v.requesterKind,
      party: {
        name: v.partyName,
        ...(v.partyOrganization.trim() ? { organization: v.partyOrganization } : {}),
        ...(v.partyEmail.trim() ? { email: v.partyEmail } : {}),
      },
      recordTypes: v.recordTypes
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      accessKind: v.accessKind,
      purpose: v.purpose,
      receivedVia: v.receivedVia,
      deliveryMethod: v.deliveryMethod,
      receivedOn: v.receivedOn,
    });
    if (saved) props.onSaved(saved);
  };
  return (
    <form onSubmit={save} aria-label="New records request">
      <h2>New records request</h2>
      <label for="records-new-direction">Direction</label>
      <select
        id="records-new-direction"
        value={v.direction}
        onChange={(e) => set({ direction: e.currentTarget.value as 'outgoing' | 'incoming' })}
      >
        <option value="outgoing">Someone asks us for records</option>
        <option value="incoming">We ask a previous provider</option>
      </select>
      {chosen ? (
        <p>
          Patient: <strong>{chosen.name}</strong> ({formatDate(chosen.dateOfBirth)}){' '}
          <button type="button" class="link" onClick={() => model.choosePatient(null)}>
            Change
          </button>
        </p>
      ) : (
        <div>
          <Field
            id="records-patient-search"
            label="Patient"
            value={v.search}
            onInput={(search) => {
              set({ search });
              model.searchPatients(search);
            }}
            hint="Type a name, then choose"
          />
          <ul class="list" aria-label="Matching patients">
            {model.matches.value.map((p) => (
              <li key={p.id}>
                <button type="button" class="row-link" onClick={() => model.choosePatient(p)}>
                  {p.name} <span class="muted small">{formatDate(p.dateOfBirth)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {v.direction === 'outgoing' ? (
        <div>
          <label for="records-requester-kind">Who asks</label>
          <select
            id="records-requester-kind"
            value={v.requesterKind}
            onChange={(e) => set({ requesterKind: e.currentTarget.value as 'patient' | 'third_party' })}
          >
            <option value="patient">The patient (right of access)</option>
            <option value="third_party">Someone else (provider, insurer, attorney)</option>
          </select>
          <label for="records-access-kind">Asks to</label>
          <select
            id="records-access-kind"
            value={v.accessKind}
            onChange={(e) => set({ accessKind: e.currentTarget.value as 'copies' | 'inspection' })}
          >
            <option value="copies">Receive copies</option>
            <option value="inspection">Inspect the records</option>
          </select>
        </div>
      ) : null}
      <Field
        id="records-party-name"
        label={v.direction === 'outgoing' ? 'Requester name' : 'Provider holding the records'}
        value={v.partyName}
        onInput={(partyName) => set({ partyName })}
      />
      <Field
        id="records-party-org"
        label="Organisation (optional)"
        value={v.partyOrganization}
        onInput={(partyOrganization) => set({ partyOrganization })}
      />
      <Field
        id="records-party-email"
        label="Email (for notices and the secure link)"
        type="email"
        value={v.partyEmail}
        onInput={(partyEmail) => set({ partyEmail })}
      />
      <Field
        id="records-types"
        label="Records asked for"
        hint="Separate kinds with commas"
        value={v.recordTypes}
        onInput={(recordTypes) => set({ recordTypes })}
      />
      <Field id="records-purpose" label="Purpose" value={v.purpose} onInput={(purpose) => set({ purpose })} />
      <label for="records-received-on">{v.direction === 'outgoing' ? 'Received on' : 'Requested on'}</label>
      <input
        id="records-received-on"
        type="date"
        value={v.receivedOn}
        onInput={(e) => set({ receivedOn: e.currentTarget.value })}
      />
      {model.error.value ? (
        <p class="alert error" role="alert">
          {model.error.value}
        </p>
      ) : null}
      <div class="row-actions">
        <button type="submit" class="primary" disabled={model.saving.value}>
          Log request
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
