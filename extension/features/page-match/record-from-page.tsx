import type { PageMatchCandidate } from '../../../shared/schemas/page-matches';
import type { Me } from '../../utils/messages';
import { FacilityDetail } from '../facilities/facility-detail';
import { LeadPage, PatientPage } from '../shell/record-pages';

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
  return (
    <section class="page-card" aria-label={TITLES[record.kind]} key={`${record.kind}:${record.id}`}>
      {record.kind === 'patient' ? (
        <PatientPage me={me} patientId={record.id} onBack={onBack} backLabel={BACK} />
      ) : record.kind === 'lead' ? (
        <LeadPage me={me} leadId={record.id} onBack={onBack} backLabel={BACK} />
      ) : (
        <FacilityDetail me={me} facilityId={record.id} onBack={onBack} backLabel={BACK} />
      )}
    </section>
  );
}
