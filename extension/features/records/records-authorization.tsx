import { useState } from 'preact/hooks';
import {
  AUTHORIZATION_ELEMENTS,
  type AuthorizationElement,
  ELEMENT_LABELS,
  IDENTITY_METHOD_LABELS,
  IDENTITY_METHODS,
  type IdentityMethod,
} from '../../../shared/records/authorization';
import type { RecordsRequest } from '../../../shared/schemas/records';

type Check =
  | { kind: 'identity'; method: IdentityMethod }
  | {
      kind: 'authorization';
      elements: AuthorizationElement[];
      signedByRepresentative: boolean;
      representativeAuthority: boolean;
      expiresOn?: string;
      psychotherapyNotes: boolean;
    };

/** The identity check (patient's own request) or the HIPAA authorization checklist (anyone else). */
export function RecordsAuthorization(props: {
  request: RecordsRequest;
  saving: boolean;
  onCheck: (check: Check) => void;
}) {
  const [method, setMethod] = useState<IdentityMethod>('photo_id_in_person');
  const [elements, setElements] = useState<AuthorizationElement[]>([]);
  const [representative, setRepresentative] = useState(false);
  const [authority, setAuthority] = useState(false);
  const [expiresOn, setExpiresOn] = useState('');
  const [psychotherapy, setPsychotherapy] = useState(false);
  if (props.request.requesterKind === 'patient')
    return (
      <div>
        <label for="records-identity-method">How the patient's identity was verified</label>
        <select
          id="records-identity-method"
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value as IdentityMethod)}
        >
          {IDENTITY_METHODS.map((m) => (
            <option value={m} key={m}>
              {IDENTITY_METHOD_LABELS[m]}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="secondary"
          disabled={props.saving}
          onClick={() => props.onCheck({ kind: 'identity', method })}
        >
          Record identity check
        </button>
      </div>
    );
  const toggle = (e: AuthorizationElement) =>
    setElements(elements.includes(e) ? elements.filter((x) => x !== e) : [...elements, e]);
  return (
    <fieldset>
      <legend>The signed authorization has</legend>
      {AUTHORIZATION_ELEMENTS.map((e) => (
        <label class="check" key={e}>
          <input type="checkbox" checked={elements.includes(e)} onChange={() => toggle(e)} />{' '}
          {ELEMENT_LABELS[e]}
        </label>
      ))}
      <label class="check">
        <input type="checkbox" checked={representative} onChange={() => setRepresentative(!representative)} />{' '}
        Signed by a representative
      </label>
      {representative ? (
        <label class="check">
          <input type="checkbox" checked={authority} onChange={() => setAuthority(!authority)} />{' '}
          {ELEMENT_LABELS.representative_authority}
        </label>
      ) : null}
      <label class="check">
        <input type="checkbox" checked={psychotherapy} onChange={() => setPsychotherapy(!psychotherapy)} />{' '}
        Includes psychotherapy notes (separate authorization)
      </label>
      <label for="records-auth-expires">Expires on</label>
      <input
        id="records-auth-expires"
        type="date"
        value={expiresOn}
        onInput={(e) => setExpiresOn(e.currentTarget.value)}
      />
      <button
        type="button"
        class="secondary"
        disabled={props.saving}
        onClick={() =>
          props.onCheck({
            kind: 'authorization',
            elements,
            signedByRepresentative: representative,
            representativeAuthority: authority,
            psychotherapyNotes: psychotherapy,
            ...(expiresOn ? { expiresOn } : {}),
          })
        }
      >
        Record authorization check
      </button>
    </fieldset>
  );
}
