import { CONTRACT_STATUS_LABELS } from '../../../shared/contract-status';
import { ENROLLMENT_LABELS } from '../../../shared/enrollment';
import { formatDateTime } from '../../../shared/locale-dates';
import type { PageMatchCandidate } from '../../../shared/schemas/page-matches';

type Of<K extends PageMatchCandidate['kind']> = Extract<PageMatchCandidate, { kind: K }>;

/** The candidate's name as a list shows it: "Martinez, Elena", "Okafor, Chinedu", "Maple Grove Care Center". */
export function candidateName(c: PageMatchCandidate): string {
  if (c.kind === 'patient') return `${c.patient.lastName}, ${c.patient.firstName}`;
  if (c.kind === 'lead') return `${c.lead.lastName}, ${c.lead.firstName}`;
  return c.facility.name;
}

export const KIND_LABELS: Record<PageMatchCandidate['kind'], string> = {
  patient: 'Patient',
  lead: 'Lead',
  facility: 'Facility',
};

export function Reasons({ candidate }: { candidate: PageMatchCandidate }) {
  return (
    <p class="small" data-testid="match-reasons">
      Why: {candidate.reasons.join(', ')}
    </p>
  );
}

export function PatientFacts({ candidate }: { candidate: Of<'patient'> }) {
  const p = candidate.patient;
  return (
    <>
      <p class="muted small">
        {p.facilityName}
        {p.roomNumber ? ` · Room ${p.roomNumber}` : ''} · Born {p.dateOfBirth}
        {p.mrn ? ` · MRN ${p.mrn}` : ''}
      </p>
      <p class="small">
        Enrollment: <strong data-testid="match-enrollment">{ENROLLMENT_LABELS[p.enrollmentStatus]}</strong> ·
        Checklist <span data-testid="match-progress">{`${p.checklist.done} of ${p.checklist.total}`}</span>{' '}
        done
      </p>
      <p class="small">
        Provider: {p.provider?.name ?? 'none yet'} · Open intake requests: {p.openIntakeRequests}
      </p>
    </>
  );
}

export function LeadFacts({ candidate }: { candidate: Of<'lead'> }) {
  const l = candidate.lead;
  return (
    <p class="small">
      Stage: <strong>{l.stage}</strong> · Score {l.score}
      <br />
      Next follow-up:{' '}
      {l.nextFollowUp ? `${l.nextFollowUp.title}, ${formatDateTime(l.nextFollowUp.dueAt)}` : 'none planned'}
    </p>
  );
}

export function FacilityFacts({ candidate }: { candidate: Of<'facility'> }) {
  const f = candidate.facility;
  return (
    <p class="small">
      {f.city}, {f.state} · Contract: <strong>{CONTRACT_STATUS_LABELS[f.contractStatus]}</strong>
      <br />
      Onboarding: {f.activePatients} of {f.patients} patients enrolled
    </p>
  );
}
