import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../utils/use-api';

type Pending = { id: string; firstName: string; lastName: string; roomNumber: string | null };
type Provider = {
  id: string;
  name: string;
  credentials: string | null;
  capacity: number;
  load: number;
  active: boolean;
};

/**
 * The pending pool (spec 000, step 6): enrolled patients with no provider.
 * Assign all to one provider, or choose per patient; a summary is confirmed
 * before anything is saved, and saving is all or nothing.
 */
export function PendingPool(props: { facilityId: string; canAssign: boolean; onBack: () => void }) {
  const [pool, setPool] = useState<Pending[]>([]);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [newProvider, setNewProvider] = useState({
    name: '',
    npi: '',
    capacity: '20',
    credentials: '',
    specialty: '',
    email: '',
  });

  async function load() {
    const [p, v] = await Promise.all([
      apiCall<{ items: Pending[] }>('GET', `/api/v1/assignments/pending?facilityId=${props.facilityId}`),
      apiCall<{ items: Provider[] }>('GET', '/api/v1/providers'),
    ]);
    setPool(p.items);
    setProviders(v.items.filter((x) => x.active));
  }
  useEffect(() => {
    load().catch((e: Error) => setMessage({ text: e.message, error: true }));
  }, [props.facilityId]);

  const pairs = Object.entries(choice)
    .filter(([, providerId]) => providerId)
    .map(([patientId, providerId]) => ({ patientId, providerId }));
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;

  async function save() {
    try {
      const result = await apiCall<{ assigned: number }>('POST', '/api/v1/assignments', {
        assignments: pairs,
      });
      setMessage({
        text: `${result.assigned} patient${result.assigned === 1 ? '' : 's'} assigned.`,
        error: false,
      });
      setChoice({});
      setConfirming(false);
      await load();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
      setConfirming(false);
    }
  }

  /** Check digit first (offline); then the NPPES registry fills in the name when it can be reached. */
  async function lookUp() {
    try {
      const r = await apiCall<{
        valid: boolean;
        registry: { found: true; name: string } | { found: false; message: string } | null;
      }>('GET', `/api/v1/providers/npi/${newProvider.npi.trim()}`);
      if (!r.valid) setMessage({ text: 'This NPI fails its check digit; check the 10 digits.', error: true });
      else if (r.registry?.found) {
        const found = r.registry as { name: string; credentials?: string | null; specialty?: string | null };
        setNewProvider({
          ...newProvider,
          name: found.name,
          credentials: found.credentials ?? '',
          specialty: found.specialty ?? '',
        });
        setMessage({ text: `Found ${r.registry.name} in the NPI registry.`, error: false });
      } else setMessage({ text: r.registry?.message ?? 'The NPI is valid.', error: false });
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
  }

  async function addProvider(e: Event) {
    e.preventDefault();
    try {
      await apiCall('POST', '/api/v1/providers', {
        name: newProvider.name,
        capacity: Number(newProvider.capacity),
        ...(newProvider.npi.trim() ? { npi: newProvider.npi.trim() } : {}),
        ...(newProvider.credentials.trim() ? { credentials: newProvider.credentials.trim() } : {}),
        ...(newProvider.specialty.trim() ? { specialty: newProvider.specialty.trim() } : {}),
        ...(newProvider.email.trim() ? { email: newProvider.email.trim() } : {}),
      });
      setNewProvider({ name: '', npi: '', capacity: '20', credentials: '', specialty: '', email: '' });
      await load();
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
  }

  return (
    <section class="area" aria-labelledby="pool-title" data-testid="pending-pool">
      <button type="button" class="link" onClick={props.onBack}>
        ← Patients
      </button>
      <h2 id="pool-title">Pending pool</h2>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="pool-message"
        >
          {message.text}
        </p>
      ) : null}
      <p class="small">
        Providers:{' '}
        {providers.length
          ? providers.map((p) => `${p.name} (${p.load}/${p.capacity})`).join(' · ')
          : 'none yet: add one below.'}
      </p>
      {pool.length === 0 ? (
        <p class="empty" data-testid="pool-empty">
          No enrolled patient is waiting for a provider.
        </p>
      ) : (
        <>
          {props.canAssign ? (
            <div class="row-between">
              <label for="assign-all">Assign all to</label>
              <select
                id="assign-all"
                value=""
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  if (id) setChoice(Object.fromEntries(pool.map((p) => [p.id, id])));
                }}
              >
                <option value="">Choose a provider…</option>
                {providers.map((p) => (
                  <option value={p.id} key={p.id}>
                    {p.name} ({p.load}/{p.capacity})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <ul class="list" aria-label="Pending patients">
            {pool.map((p) => (
              <li key={p.id} data-testid="pool-row">
                <span>
                  {p.lastName}, {p.firstName}
                  {p.roomNumber ? <span class="muted small"> · Room {p.roomNumber}</span> : null}
                </span>
                {props.canAssign ? (
                  <select
                    aria-label={`Provider for ${p.firstName} ${p.lastName}`}
                    value={choice[p.id] ?? ''}
                    onChange={(e) => setChoice({ ...choice, [p.id]: e.currentTarget.value })}
                  >
                    <option value="">Not assigned</option>
                    {providers.map((v) => (
                      <option value={v.id} key={v.id}>
                        {v.name}
                      </option>
                    ))}
                  </select>
                ) : null}
              </li>
            ))}
          </ul>
          {props.canAssign && pairs.length ? (
            confirming ? (
              <div class="alert" data-testid="assign-summary">
                <p>
                  <strong>
                    Assign {pairs.length} patient{pairs.length === 1 ? '' : 's'}?
                  </strong>
                </p>
                <ul class="plain small">
                  {[...new Set(pairs.map((p) => p.providerId))].map((id) => (
                    <li key={id}>
                      {nameOf(id)}: {pairs.filter((p) => p.providerId === id).length}
                    </li>
                  ))}
                </ul>
                <div class="row">
                  <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                    Back
                  </button>
                  <button type="button" class="primary" onClick={save}>
                    Confirm assignment
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" class="primary" onClick={() => setConfirming(true)}>
                Review assignment
              </button>
            )
          ) : null}
        </>
      )}
      {props.canAssign ? (
        <form onSubmit={addProvider}>
          <h3>Add a provider</h3>
          <div class="two">
            <div>
              <label for="prov-name">Name</label>
              <input
                id="prov-name"
                value={newProvider.name}
                onInput={(e) => setNewProvider({ ...newProvider, name: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for="prov-capacity">Capacity</label>
              <input
                id="prov-capacity"
                inputMode="numeric"
                value={newProvider.capacity}
                onInput={(e) => setNewProvider({ ...newProvider, capacity: e.currentTarget.value })}
              />
            </div>
          </div>
          <div class="two">
            <div>
              <label for="prov-credentials">Credentials</label>
              <input
                id="prov-credentials"
                value={newProvider.credentials}
                onInput={(e) => setNewProvider({ ...newProvider, credentials: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for="prov-specialty">Specialty</label>
              <input
                id="prov-specialty"
                value={newProvider.specialty}
                onInput={(e) => setNewProvider({ ...newProvider, specialty: e.currentTarget.value })}
              />
            </div>
          </div>
          <label for="prov-email">Email (assignment notices)</label>
          <input
            id="prov-email"
            type="email"
            value={newProvider.email}
            onInput={(e) => setNewProvider({ ...newProvider, email: e.currentTarget.value })}
          />
          <label for="prov-npi">NPI (optional)</label>
          <div class="row-between">
            <input
              id="prov-npi"
              inputMode="numeric"
              value={newProvider.npi}
              onInput={(e) => setNewProvider({ ...newProvider, npi: e.currentTarget.value })}
            />
            <button
              type="button"
              class="secondary"
              disabled={!/^\d{10}$/.test(newProvider.npi.trim())}
              onClick={lookUp}
            >
              Look up
            </button>
          </div>
          <button type="submit" class="secondary" disabled={!newProvider.name.trim()}>
            Add provider
          </button>
        </form>
      ) : null}
    </section>
  );
}
