import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/facility-terms';
import type { Service } from '../../utils/patient-types';
import { apiCall } from '../../utils/use-api';

/** Administrators keep the organisation's catalogue: add services, retire or restore them. */
export function ServiceCatalogue({ onBack }: { onBack: () => void }) {
  const [items, setItems] = useState<Service[]>([]);
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ServiceCategory>('medical');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const load = () => apiCall<{ items: Service[] }>('GET', '/api/v1/services').then((r) => setItems(r.items));
  useEffect(() => {
    load().catch((e: Error) => setMessage({ text: e.message, error: true }));
  }, []);

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      setMessage({ text: done, error: false });
      await load();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

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
            act(() => apiCall('POST', '/api/v1/services', { category, name }), `${name.trim()} added.`).then(
              () => setName(''),
            );
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
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      act(
                        () => apiCall('PATCH', `/api/v1/services/${s.id}`, { active: !s.active }),
                        s.active ? `${s.name} retired.` : `${s.name} restored.`,
                      )
                    }
                  >
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
