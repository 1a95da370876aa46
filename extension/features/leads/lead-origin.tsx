import { useModel } from '@preact/signals';
import { formatDate } from '../../../shared/locale-dates';
import { RequestList } from '../intake/lazy-intake';
import { LeadOriginModel } from './lead-origin-model';
import { TimelineEntries } from './lead-timeline-entries';

/**
 * On a patient's page, the lead they were converted from: where they came
 * from, the lead's timeline and the intake forms sent before conversion.
 */
export function LeadOrigin(props: {
  leadId: string;
  canViewIntake: boolean;
  /** Opens the lead's own page (its stage, follow-ups and consents), when the host can show it. */
  onOpenLead?: ((leadId: string) => void) | undefined;
}) {
  const model = useModel(() => new LeadOriginModel(props.leadId));
  const origin = model.origin.value;
  const error = model.error.value;
  return (
    <section aria-labelledby="lead-origin-title" data-testid="patient-lead">
      <div class="row-between">
        <h3 id="lead-origin-title">From lead</h3>
        {props.onOpenLead ? (
          <button type="button" class="link" onClick={() => props.onOpenLead?.(props.leadId)}>
            Open the lead
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : !origin ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <p class="small" data-testid="patient-lead-source">
            {origin.source ? `Source: ${origin.source.name}` : 'Source not known'}
            {` · lead added ${formatDate(origin.lead.createdAt)}`}
            {origin.lead.mergedInto ? ' · merged into another lead' : ''}
          </p>
          <details>
            <summary>Lead timeline ({origin.timeline.length})</summary>
            <TimelineEntries items={origin.timeline} stages={[]} coordinators={[]} />
          </details>
          {props.canViewIntake ? (
            <details>
              <summary>Intake forms sent to the lead</summary>
              <RequestList
                query={{ leadId: origin.lead.id }}
                canSend={false}
                emptyText="No forms were sent to the lead."
              />
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
