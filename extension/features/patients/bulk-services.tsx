import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../utils/patient-types';
import { apiCall } from '../../utils/use-api';
import { ServicesPicker } from './services-picker';

/** One service selection applied to many patients at once (spec 000, step 4). */
export function BulkServices(props: {
  patientIds: string[];
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const [catalogue, setCatalogue] = useState<Service[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    apiCall<{ items: Service[] }>('GET', '/api/v1/services').then(
      (r) => setCatalogue(r.items.filter((s) => s.active)),
      (e: Error) => setError(e.message),
    );
  }, []);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const result = await apiCall<{ patients: number }>('POST', '/api/v1/patients/services/bulk', {
        patientIds: props.patientIds,
        ...(all ? { allHealthcareServices: true } : { serviceIds: chosen }),
      });
      props.onDone(`Services saved for ${result.patients} patient${result.patients === 1 ? '' : 's'}.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="area" aria-labelledby="bulk-title" data-testid="bulk-services">
      <h2 id="bulk-title">
        Services for {props.patientIds.length} patient{props.patientIds.length === 1 ? '' : 's'}
      </h2>
      <p class="muted small">This replaces the services these patients have now.</p>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <ServicesPicker
        catalogue={catalogue}
        chosen={chosen}
        all={all}
        onChange={(next) => {
          setChosen(next.chosen);
          setAll(next.all);
        }}
      />
      <div class="row">
        <button type="button" class="secondary" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button
          type="button"
          class="primary"
          onClick={save}
          disabled={saving || (!all && chosen.length === 0)}
        >
          {saving ? 'Saving…' : 'Save services'}
        </button>
      </div>
    </section>
  );
}
