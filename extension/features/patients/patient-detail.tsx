import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ENROLLMENT_LABELS } from '../../../shared/enrollment';
import { formatDate } from '../../../shared/locale-dates';
import { PatientCases } from '../automations/lazy-automations';
import { PatientChecklist } from '../checklists/patient-checklist';
import { ConsentList } from '../consents/lazy-consents';
import { RequestList, SendForm } from '../intake/lazy-intake';
import { LeadOrigin } from '../leads/lead-origin';
import { AssignmentHistory } from '../providers/assignment-history';
import { PatientDetailModel } from './patient-detail-model';
import { PatientForm } from './patient-form';
import { PatientMessages } from './patient-messages';
import { ServicesPicker } from './services-picker';

/** One patient and their services (spec 000, step 4). */
export function PatientDetail({
  patientId,
  canEdit,
  canOverride,
  intake,
  consents,
  canViewLead,
  canViewAutomations,
  onBack,
  backLabel = '← All patients',
  onOpenLead,
}: {
  patientId: string;
  canEdit: boolean;
  canOverride: boolean;
  /** Whether intake forms can be seen and sent from here. */
  intake: { canView: boolean; canSend: boolean };
  /** Whether the patient's consents can be read (intake:view_submissions) and revoked (intake:full). */
  consents: { canView: boolean; canRevoke: boolean };
  /** Whether the lead the patient was converted from can be read (leads:view). */
  canViewLead: boolean;
  /** Whether the automations that acted on the patient and their cases are shown (automations:view). */
  canViewAutomations: boolean;
  onBack: () => void;
  /** Where the back link returns to, in its words (the list, or the page card). */
  backLabel?: string;
  /** Opens the lead the patient was converted from. */
  onOpenLead?: ((leadId: string) => void) | undefined;
}) {
  const model = useModel(() => new PatientDetailModel(patientId));
  const patient = model.patient.value;
  const message = model.message.value;
  const editing = model.editing.value;
  // Purely local: whether the send form is open, and a key that reloads the sent forms.
  const [sending, setSending] = useState(false);
  const [formsKey, setFormsKey] = useState(0);

  return (
    <section class="area" data-testid="patient-detail">
      <button type="button" class="link" onClick={onBack}>
        {backLabel}
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
          onCancel={() => model.edit(false)}
          onOpen={() => model.edit(false)}
          onSaved={(p) => model.saved(p)}
        />
      ) : patient ? (
        <>
          {canEdit ? (
            <button type="button" class="secondary" onClick={() => model.edit(true)}>
              Edit
            </button>
          ) : null}
          <h2>
            {patient.firstName} {patient.lastName}
          </h2>
          <p class="muted small">
            Born {formatDate(patient.dateOfBirth)}
            {patient.roomNumber ? ` · Room ${patient.roomNumber}` : ''} ·{' '}
            {ENROLLMENT_LABELS[patient.enrollmentStatus]}
            {patient.fullPackage ? (
              <span class="badge ok">Full package: expert support and AI features</span>
            ) : null}
          </p>
          {patient.email || patient.phone ? (
            <p class="small" data-testid="patient-contact">
              {[patient.email, patient.phone].filter(Boolean).join(' · ')}
            </p>
          ) : null}
          {patient.emergencyContact ? (
            <p class="small">
              Emergency contact: {patient.emergencyContact.name}
              {patient.emergencyContact.relationship ? ` (${patient.emergencyContact.relationship})` : ''}
              {patient.emergencyContact.phone ? ` · ${patient.emergencyContact.phone}` : ''}
            </p>
          ) : null}
          {patient.payer || patient.attendingPhysician ? (
            <p class="small">
              {[
                patient.payer ? `Payer: ${patient.payer}` : '',
                patient.attendingPhysician ? `Attending physician: ${patient.attendingPhysician}` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : null}
          {patient.leadId && canViewLead ? (
            <LeadOrigin leadId={patient.leadId} canViewIntake={intake.canView} onOpenLead={onOpenLead} />
          ) : null}
          <PatientChecklist
            patientId={patient.id}
            canEdit={canEdit}
            canOverride={canOverride}
            onStatus={(status) => model.statusChanged(status)}
          />
          <AssignmentHistory patientId={patient.id} />
          <PatientMessages patientId={patient.id} phone={patient.phone} />
          <PatientCases patientId={patient.id} canViewAutomations={canViewAutomations} />
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
          {consents.canView ? (
            <ConsentList subject={{ patientId: patient.id }} canRevoke={consents.canRevoke} />
          ) : null}
          <h3>Services</h3>
          {model.categories.value ? (
            <>
              <ServicesPicker
                catalogue={model.catalogue.value}
                categories={model.categories.value}
                chosen={model.chosen.value}
                all={model.all.value}
                disabled={!canEdit}
                onChange={(next) => model.pick(next)}
              />
              {canEdit && model.categories.value.length > 0 ? (
                <button type="button" class="primary" onClick={() => model.saveServices()}>
                  Save services
                </button>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
