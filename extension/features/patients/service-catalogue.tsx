import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/facility-terms';
import { ServiceCatalogueModel } from './service-catalogue-model';

/** Administrators keep the organisation's catalogue: add services, retire or restore them. */
export function ServiceCatalogue({ onBack }: { onBack: () => void }) {
  const model = useModel(ServiceCatalogueModel);
  const items = model.items.value;
  const message = model.message.value;
  // Purely local: the new service's text and category before Add.
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ServiceCategory>('medical');

  return (
    <section class="area" aria-labelledby="catalogue-title">
      <button type="button" class="link" onClick={onBack}>
        ← Patients
      </button>
      <h2 id="catalogue-title">Service catalogue</h2>
      {message ? (
        <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim())
            model.add(category, name).then((added) => {
              if (added) setName('');
            });
        }}
      >
        <div class="two">
          <div>
            <label for="svc-name">New service</label>
            <input id="svc-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div>
            <label for="svc-category">Category</label>
            <select
              id="svc-category"
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as ServiceCategory)}
            >
              {SERVICE_CATEGORIES.map((c) => (
                <option value={c} key={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="primary" disabled={!name.trim()}>
          Add service
        </button>
      </form>
      {SERVICE_CATEGORIES.map((c) => (
        <div key={c}>
          <h3>{CATEGORY_LABELS[c]}</h3>
          <ul class="list">
            {items
              .filter((s) => s.category === c)
              .map((s) => (
                <li key={s.id}>
                  <span>
                    {s.name} {s.active ? null : <span class="badge">Retired</span>}
                  </span>
                  <button type="button" class="secondary" onClick={() => model.toggle(s)}>
                    {s.active ? 'Retire' : 'Restore'}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
