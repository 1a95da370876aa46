import { createModel, signal, useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { Me } from '../../utils/messages';
import { LeadDetail } from '../leads/lead-detail';
import { loadLeadReference, type Reference } from '../leads/lead-reference';
import { PatientDetail } from '../patients/patient-detail';

/**
 * A patient's page and a lead's page that lead to each other: a converted
 * patient opens the lead they came from (its timeline, source, consents), and
 * the lead opens the patient. The other page shows in place, and its back link
 * returns to the page it was opened from, so a chain of openings unwinds one step at a time.
 */
export function PatientPage({
  me,
  patientId,
  onBack,
  backLabel,
  onOpenLead,
}: {
  me: Me;
  patientId: string;
  onBack: () => void;
  backLabel?: string;
  /** Where the Leads area shows the lead itself (its own page, back in the pipeline); elsewhere it opens here. */
  onOpenLead?: (leadId: string) => void;
}) {
  const [lead, setLead] = useState<string | null>(null);
  const can = (p: string) => me.permissions.includes(p);
  if (lead)
    return (
      <LeadPage
        key={lead}
        me={me}
        leadId={lead}
        onBack={() => setLead(null)}
        backLabel="← Back to the patient"
      />
    );
  return (
    <PatientDetail
      key={patientId}
      patientId={patientId}
      canEdit={can('patients:edit')}
      canOverride={can('enrollment:override')}
      intake={{ canView: can('intake:view'), canSend: can('intake:edit') }}
      consents={{ canView: can('intake:view_submissions'), canRevoke: can('intake:full') }}
      canViewLead={can('leads:view')}
      canViewAutomations={can('automations:view')}
      onBack={onBack}
      onOpenLead={onOpenLead ?? setLead}
      {...(backLabel ? { backLabel } : {})}
    />
  );
}

/** The pipeline's names (stages, sources, coordinators) a lead's page shows, loaded once. */
const LeadReferenceModel = createModel(() => {
  const reference = signal<Reference | null>(null);
  const failure = signal<string | null>(null);
  loadLeadReference().then(
    (r) => {
      reference.value = r;
    },
    (e: Error) => {
      failure.value = e.message;
    },
  );
  return { reference, failure };
});

/** A lead's page opened from elsewhere (the page card, a patient); it needs the pipeline's names before it can show. */
export function LeadPage({
  me,
  leadId,
  onBack,
  backLabel,
}: {
  me: Me;
  leadId: string;
  onBack: () => void;
  backLabel: string;
}) {
  const model = useModel(() => new LeadReferenceModel());
  // A likely duplicate or the lead it was merged into opens in its place.
  const [shown, setShown] = useState(leadId);
  const [patient, setPatient] = useState<string | null>(null);
  const reference = model.reference.value;
  const failure = model.failure.value;
  if (patient)
    return (
      <PatientPage
        key={patient}
        me={me}
        patientId={patient}
        onBack={() => setPatient(null)}
        backLabel="← Back to the lead"
      />
    );
  if (!reference)
    return (
      <>
        <button type="button" class="link" onClick={onBack}>
          {backLabel}
        </button>
        {failure ? (
          <p class="alert error" role="alert">
            {failure}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </>
    );
  return (
    <LeadDetail
      key={shown}
      leadId={shown}
      {...reference}
      permissions={me.permissions}
      onOpen={setShown}
      onOpenPatient={setPatient}
      onBack={onBack}
      backLabel={backLabel}
      onChanged={() => undefined}
    />
  );
}
