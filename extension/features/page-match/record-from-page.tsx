import { createModel, signal, useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { PageMatchCandidate } from '../../../shared/schemas/page-matches';
import type { Me } from '../../utils/messages';
import { FacilityDetail } from '../facilities/facility-detail';
import { LeadDetail } from '../leads/lead-detail';
import { loadLeadReference, type Reference } from '../leads/lead-reference';
import { PatientDetail } from '../patients/patient-detail';

/** A record opened from the page card: which kind, which one. */
export type OpenedRecord = { kind: PageMatchCandidate['kind']; id: string };

const BACK = '← This page';
const TITLES: Record<OpenedRecord['kind'], string> = {
  patient: 'Patient from this page',
  lead: 'Lead from this page',
  facility: 'Facility from this page',
};

/** The full record of the card's match, in the panel where the card was; back returns to the card. */
export function RecordFromPage({ record, me, onBack }: { record: OpenedRecord; me: Me; onBack: () => void }) {
  const can = (p: string) => me.permissions.includes(p);
  return (
    <section class="page-card" aria-label={TITLES[record.kind]}>
      {record.kind === 'patient' ? (
        <PatientDetail
          patientId={record.id}
          canEdit={can('patients:edit')}
          canOverride={can('enrollment:override')}
          intake={{ canView: can('intake:view'), canSend: can('intake:edit') }}
          consents={{ canView: can('intake:view_submissions'), canRevoke: can('intake:full') }}
          canViewLead={can('leads:view')}
          canViewAutomations={can('automations:view')}
          onBack={onBack}
          backLabel={BACK}
        />
      ) : record.kind === 'lead' ? (
        <LeadFromPage leadId={record.id} me={me} onBack={onBack} />
      ) : (
        <FacilityDetail me={me} facilityId={record.id} onBack={onBack} backLabel={BACK} />
      )}
    </section>
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

/** A lead's page needs the pipeline's names before it can show. */
function LeadFromPage({ leadId, me, onBack }: { leadId: string; me: Me; onBack: () => void }) {
  const model = useModel(() => new LeadReferenceModel());
  // A likely duplicate named on the lead's page opens in its place.
  const [shown, setShown] = useState(leadId);
  const reference = model.reference.value;
  const failure = model.failure.value;
  if (!reference)
    return (
      <>
        <button type="button" class="link" onClick={onBack}>
          {BACK}
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
      onBack={onBack}
      backLabel={BACK}
      onChanged={() => undefined}
    />
  );
}
