import { useModel } from '@preact/signals';
import { ProviderAdminModel } from './provider-admin-model';

/** Edit, retire (after seeing who returns to the pool) and reactivate providers. */
export function ProviderAdmin(props: { onChanged: () => void }) {
  const model = useModel(() => new ProviderAdminModel(props.onChanged));
  const providers = model.providers.value;
  const message = model.message.value;
  const editing = model.editing.value;
  const retiring = model.retiring.value;

  return (
    <section aria-labelledby="providers-title" data-testid="provider-admin">
      <h3 id="providers-title">Providers</h3>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="provider-message"
        >
          {message.text}
        </p>
      ) : null}
      {retiring ? (
        <div class="alert" data-testid="retire-summary">
          <p>
            <strong>Retire {retiring.provider.name}?</strong>{' '}
            {retiring.preview.patients.length
              ? `These ${retiring.preview.patients.length} patient(s) return to the pending pool:`
              : 'No patient is assigned to them.'}
          </p>
          <ul class="plain small">
            {retiring.preview.patients.map((p) => (
              <li key={p.id}>
                {p.lastName}, {p.firstName} <span class="muted">· {p.facilityName}</span>
              </li>
            ))}
          </ul>
          <div class="row">
            <button type="button" class="secondary" onClick={() => model.cancel()}>
              Back
            </button>
            <button type="button" class="primary" onClick={() => model.confirmRetire()}>
              Confirm retirement
            </button>
          </div>
        </div>
      ) : null}
      <ul class="list" aria-label="Providers">
        {providers.map((p) =>
          editing?.id === p.id ? (
            <li key={p.id}>
              <form
                class="grow"
                onSubmit={(e) => {
                  e.preventDefault();
                  model.save();
                }}
              >
                <label for="edit-prov-name">Name</label>
                <input
                  id="edit-prov-name"
                  value={editing.draft.name}
                  onInput={(e) => model.editDraft({ name: e.currentTarget.value })}
                />
                <div class="two">
                  <div>
                    <label for="edit-prov-capacity">Capacity</label>
                    <input
                      id="edit-prov-capacity"
                      inputMode="numeric"
                      value={editing.draft.capacity}
                      onInput={(e) => model.editDraft({ capacity: e.currentTarget.value })}
                    />
                  </div>
                  <div>
                    <label for="edit-prov-specialty">Specialty</label>
                    <input
                      id="edit-prov-specialty"
                      value={editing.draft.specialty}
                      onInput={(e) => model.editDraft({ specialty: e.currentTarget.value })}
                    />
                  </div>
                </div>
                <label for="edit-prov-email">Email</label>
                <input
                  id="edit-prov-email"
                  type="email"
                  value={editing.draft.email}
                  onInput={(e) => model.editDraft({ email: e.currentTarget.value })}
                />
                <div class="row">
                  <button type="button" class="secondary" onClick={() => model.cancel()}>
                    Cancel
                  </button>
                  <button type="submit" class="primary">
                    Save provider
                  </button>
                </div>
              </form>
            </li>
          ) : (
            <li key={p.id} data-testid="provider-row">
              <span>
                <strong>{p.name}</strong>{' '}
                <span class="muted small">
                  {p.load}/{p.capacity}
                </span>{' '}
                {!p.active ? (
                  <span class="badge">retired</span>
                ) : (p.load ?? 0) >= (p.capacity ?? 0) ? (
                  <span class="badge warn">full</span>
                ) : null}
              </span>
              <div class="row-actions">
                {p.active ? (
                  <>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={`Edit ${p.name}`}
                      onClick={() => model.startEdit(p)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={`Retire ${p.name}`}
                      onClick={() => model.askRetire(p)}
                    >
                      Retire
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Reactivate ${p.name}`}
                    onClick={() => model.reactivate(p)}
                  >
                    Reactivate
                  </button>
                )}
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
