import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS, SERVICE_CATEGORIES } from '../../shared/facility-terms';
import { ENROLLMENT_LABELS, type Patient, type Service } from '../utils/patient-types';
import { apiCall } from '../utils/use-api';

/** One patient and their services (spec 000, step 4). */
export function PatientDetail({
  patientId,
  canEdit,
  onBack,
}: {
  patientId: string;
  canEdit: boolean;
  onBack: () => void;
}) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [catalogue, setCatalogue] = useState<Service[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    Promise.all([
      apiCall<Patient>('GET', `/api/v1/patients/${patientId}`),
      apiCall<{ items: Service[] }>('GET', '/api/v1/services'),
    ])
      .then(([p, s]) => {
        setPatient(p);
        setCatalogue(s.items.filter((x) => x.active));
        setChosen(p.serviceIds);
        setAll(p.fullPackage);
      })
      .catch((e: Error) => setMessage({ text: e.message, error: true }));
  }, [patientId]);

  async function save() {
    try {
      const p = await apiCall<Patient>(
        'PUT',
        `/api/v1/patients/${patientId}/services`,
        all ? { allHealthcareServices: true } : { serviceIds: chosen },
      );
      setPatient(p);
      setChosen(p.serviceIds);
      setMessage({ text: 'Services saved.', error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  return (
    <section class="area" data-testid="patient-detail">
      <button type="button" class="link" onClick={onBack}>
        ← All patients
      </button>
      {message ? (
        <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {patient ? (
        <>
          <h2>
            {patient.firstName} {patient.lastName}
          </h2>
          <p class="muted small">
            Born {patient.dateOfBirth}
            {patient.roomNumber ? ` · Room ${patient.roomNumber}` : ''} ·{' '}
            {ENROLLMENT_LABELS[patient.enrollmentStatus]}
            {patient.fullPackage ? (
              <span class="badge ok">Full package: expert support and AI features</span>
            ) : null}
          </p>
          {patient.emergencyContact ? (
            <p class="small">
              Emergency contact: {patient.emergencyContact.name}
              {patient.emergencyContact.relationship ? ` (${patient.emergencyContact.relationship})` : ''}
              {patient.emergencyContact.phone ? ` · ${patient.emergencyContact.phone}` : ''}
            </p>
          ) : null}
          <h3>Services</h3>
          <label class="check">
            <input
              type="checkbox"
              checked={all}
              disabled={!canEdit}
              onChange={(e) => setAll(e.currentTarget.checked)}
            />
            <span>
              <strong>All healthcare services</strong>{' '}
              <span class="muted small">Every service, with expert support and AI features.</span>
            </span>
          </label>
          {SERVICE_CATEGORIES.map((category) => (
            <fieldset key={category} disabled={all || !canEdit}>
              <legend class="small">
                <strong>{CATEGORY_LABELS[category]}</strong>
              </legend>
              {catalogue
                .filter((s) => s.category === category)
                .map((s) => (
                  <label class="check" key={s.id}>
                    <input
                      type="checkbox"
                      checked={all || chosen.includes(s.id)}
                      onChange={(e) =>
                        setChosen(
                          e.currentTarget.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id),
                        )
                      }
                    />
                    <span>{s.name}</span>
                  </label>
                ))}
            </fieldset>
          ))}
          {canEdit ? (
            <button type="button" class="primary" onClick={save}>
              Save services
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
