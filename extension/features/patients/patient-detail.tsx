import { useEffect, useState } from 'preact/hooks';
import { ENROLLMENT_LABELS, type Patient, type Service } from '../../utils/patient-types';
import { apiCall } from '../../utils/use-api';
import { PatientChecklist } from '../checklists/patient-checklist';
import { RequestList, SendForm } from '../intake/lazy-intake';
import { AssignmentHistory } from '../providers/assignment-history';
import { PatientForm } from './patient-form';
import { ServicesPicker } from './services-picker';

/** One patient and their services (spec 000, step 4). */
export function PatientDetail({
  patientId,
  canEdit,
  canOverride,
  intake,
  onBack,
}: {
  patientId: string;
  canEdit: boolean;
  canOverride: boolean;
  /** Whether intake forms can be seen and sent from here. */
  intake: { canView: boolean; canSend: boolean };
  onBack: () => void;
}) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [catalogue, setCatalogue] = useState<Service[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [all, setAll] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [formsKey, setFormsKey] = useState(0);

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
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="patient-message"
        >
          {message.text}
        </p>
      ) : null}
      {patient && editing ? (
        <PatientForm
          facilityId={patient.facilityId}
          patient={patient}
          onCancel={() => setEditing(false)}
          onOpen={() => setEditing(false)}
          onSaved={(p) => {
            setPatient(p);
            setEditing(false);
            setMessage({ text: 'Changes saved.', error: false });
          }}
        />
      ) : patient ? (
        <>
          {canEdit ? (
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
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
          <PatientChecklist
            patientId={patient.id}
            canEdit={canEdit}
            canOverride={canOverride}
            onStatus={(status) => setPatient((p) => (p ? { ...p, enrollmentStatus: status } : p))}
          />
          <AssignmentHistory patientId={patient.id} />
          {intake.canView ? (
            <section aria-labelledby="patient-forms-title">
              <h3 id="patient-forms-title">Intake forms</h3>
              {sending ? (
                <SendForm
                  subject={{ patientId: patient.id }}
                  subjectName={`${patient.firstName} ${patient.lastName}`}
                  onSent={() => setFormsKey((k) => k + 1)}
                  onCancel={() => setSending(false)}
                />
              ) : intake.canSend ? (
                <button type="button" class="secondary" onClick={() => setSending(true)}>
                  Send intake form
                </button>
              ) : null}
              <RequestList
                key={formsKey}
                query={{ patientId: patient.id }}
                canSend={intake.canSend}
                emptyText="No forms sent to this patient."
              />
            </section>
          ) : null}
          <h3>Services</h3>
          <ServicesPicker
            catalogue={catalogue}
            chosen={chosen}
            all={all}
            disabled={!canEdit}
            onChange={(next) => {
              setChosen(next.chosen);
              setAll(next.all);
            }}
          />
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
