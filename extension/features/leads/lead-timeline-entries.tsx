import { formatDateTime } from '../../../shared/locale-dates';
import type { Activity, Coordinator, Stage } from './lead-api-types';

const KIND_LABELS: Record<string, string> = {
  call: 'Call',
  email: 'Email',
  note: 'Note',
  stage_change: 'Stage',
  assignment: 'Assigned',
  conversion: 'Converted',
  created: 'Created',
  merge: 'Merged',
  consent_revoked: 'Consent',
  referral_letter: 'Letter',
};

/** A timeline entry in words: what happened, not the raw detail. */
function describe(a: Activity, stages: Stage[], coordinators: Coordinator[]): string {
  const d = a.detail ?? {};
  if (a.kind === 'stage_change') {
    const to =
      stages.find((s) => s.id === d.toStageId)?.name ?? (d.to as string | undefined) ?? 'another stage';
    return `Moved from ${(d.from as string | undefined) ?? 'a stage'} to ${to}${a.text ? `: ${a.text}` : ''}`;
  }
  if (a.kind === 'assignment') {
    const who = coordinators.find((c) => c.id === d.coordinatorId)?.name ?? 'a coordinator';
    return `${d.automatic ? 'Round-robin assigned' : 'Assigned'} to ${who}`;
  }
  if (a.kind === 'conversion') return 'Converted to a patient';
  if (a.kind === 'created')
    return d.channel ? `Created from ${String(d.channel).replace('_', ' ')}` : 'Created';
  if (a.kind === 'merge') return 'A duplicate lead was merged into this one';
  if (a.kind === 'consent_revoked')
    return `Revoked ${(d.title as string | undefined) ?? 'a consent'}${a.text ? `: ${a.text}` : ''}`;
  return a.text ?? '';
}

/** A lead's timeline entries, newest first, in words. */
export function TimelineEntries(props: { items: Activity[]; stages: Stage[]; coordinators: Coordinator[] }) {
  return (
    <ol class="plain history" data-testid="lead-timeline">
      {props.items.map((a) => (
        <li key={a.id} data-testid="timeline-entry">
          <span class="badge">{KIND_LABELS[a.kind] ?? a.kind}</span>{' '}
          {describe(a, props.stages, props.coordinators)}{' '}
          <span class="muted small">{formatDateTime(a.createdAt)}</span>
        </li>
      ))}
    </ol>
  );
}
