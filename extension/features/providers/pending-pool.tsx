import { useModel } from '@preact/signals';
import type { Provider } from '../../../shared/schemas/providers';
import { PendingPoolModel } from './pending-pool-model';
import { ProviderAdmin } from './provider-admin';

/** "Dr A (3 places left)", or "(full)": the capacity is seen before choosing, not after Assign. */
const placesLabel = (p: Provider, left: number) =>
  p.capacity === null
    ? p.name
    : `${p.name} (${left > 0 ? `${left} place${left === 1 ? '' : 's'} left` : 'full'})`;

/**
 * The pending pool (spec 000, step 6): enrolled patients with no provider.
 * Assign all to one provider, or choose per patient; a summary is confirmed
 * before anything is saved, and saving is all or nothing.
 */
export function PendingPool(props: {
  facilityId: string;
  canAssign: boolean;
  onOpen: (patientId: string) => void;
  onBack: () => void;
}) {
  const model = useModel(() => new PendingPoolModel(props.facilityId));
  const pool = model.pool.value;
  const providers = model.providers.value;
  const choice = model.choice.value;
  const confirming = model.confirming.value;
  const message = model.message.value;
  const newProvider = model.draft.value;
  const pairs = model.pairs.value;
  const placesLeft = model.placesLeft.value;
  const left = (id: string) => placesLeft.get(id) ?? 0;
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;

  return (
    <section class="area" aria-labelledby="pool-title" data-testid="pending-pool">
      <button type="button" class="link" onClick={props.onBack}>
        ← Patients
      </button>
      <h2 id="pool-title">Pending pool</h2>
      {props.canAssign ? null : (
        <p class="muted small" data-testid="pool-read-only">
          Who is waiting for a provider, and which providers have room. An administrator assigns them; open a
          patient to see their checklist.
        </p>
      )}
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="pool-message"
        >
          {message.text}
        </p>
      ) : null}
      <p class="small" data-testid="provider-places">
        Providers:{' '}
        {providers.length
          ? providers.map((p) => placesLabel(p, left(p.id))).join(' · ')
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
                  if (id) model.chooseForAll(id);
                }}
              >
                <option value="">Choose a provider…</option>
                {providers.map((p) => {
                  const room = (p.capacity ?? 0) - (p.load ?? 0);
                  return (
                    <option value={p.id} key={p.id} disabled={room < pool.length}>
                      {room < pool.length
                        ? `${p.name} (room for ${Math.max(0, room)})`
                        : placesLabel(p, room)}
                    </option>
                  );
                })}
              </select>
            </div>
          ) : null}
          <ul class="list" aria-label="Pending patients">
            {pool.map((p) => (
              <li key={p.id} data-testid="pool-row">
                <span>
                  <button type="button" class="link" onClick={() => props.onOpen(p.id)}>
                    {p.lastName}, {p.firstName}
                  </button>
                  {p.roomNumber ? <span class="muted small"> · Room {p.roomNumber}</span> : null}
                </span>
                {props.canAssign ? (
                  <select
                    aria-label={`Provider for ${p.firstName} ${p.lastName}`}
                    value={choice[p.id] ?? ''}
                    onChange={(e) => model.choose(p.id, e.currentTarget.value)}
                  >
                    <option value="">Not assigned</option>
                    {providers.map((v) => (
                      <option value={v.id} key={v.id} disabled={choice[p.id] !== v.id && left(v.id) <= 0}>
                        {placesLabel(v, left(v.id))}
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
                  <button type="button" class="secondary" onClick={() => model.confirm(false)}>
                    Back
                  </button>
                  <button type="button" class="primary" onClick={() => model.assign()}>
                    Confirm assignment
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" class="primary" onClick={() => model.confirm(true)}>
                Review assignment
              </button>
            )
          ) : null}
        </>
      )}
      {props.canAssign ? (
        <ProviderAdmin key={model.providersVersion.value} onChanged={() => model.reload()} />
      ) : null}
      {props.canAssign ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            model.addProvider();
          }}
        >
          <h3>Add a provider</h3>
          <div class="two">
            <div>
              <label for="prov-name">Name</label>
              <input
                id="prov-name"
                value={newProvider.name}
                onInput={(e) => model.editDraft({ name: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for="prov-capacity">Capacity</label>
              <input
                id="prov-capacity"
                inputMode="numeric"
                value={newProvider.capacity}
                onInput={(e) => model.editDraft({ capacity: e.currentTarget.value })}
              />
            </div>
          </div>
          <div class="two">
            <div>
              <label for="prov-credentials">Credentials</label>
              <input
                id="prov-credentials"
                value={newProvider.credentials}
                onInput={(e) => model.editDraft({ credentials: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for="prov-specialty">Specialty</label>
              <input
                id="prov-specialty"
                value={newProvider.specialty}
                onInput={(e) => model.editDraft({ specialty: e.currentTarget.value })}
              />
            </div>
          </div>
          <label for="prov-email">Email (assignment notices)</label>
          <input
            id="prov-email"
            type="email"
            value={newProvider.email}
            onInput={(e) => model.editDraft({ email: e.currentTarget.value })}
          />
          <label for="prov-npi">NPI (optional)</label>
          <div class="row-between">
            <input
              id="prov-npi"
              inputMode="numeric"
              value={newProvider.npi}
              onInput={(e) => model.editDraft({ npi: e.currentTarget.value })}
            />
            <button
              type="button"
              class="secondary"
              disabled={!/^\d{10}$/.test(newProvider.npi.trim())}
              onClick={() => model.lookUp()}
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
