import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import { AutomationHistory } from '../automations/lazy-automations';
import { ConsentList } from '../consents/consent-list';
import { RequestList } from '../intake/request-list';
import { SendForm } from '../intake/send-form';
import type { Coordinator, DuplicateMatch, Source, Stage } from './lead-api-types';
import { LeadConvertForm } from './lead-convert-form';
import { LeadDetailModel } from './lead-detail-model';
import { LeadDuplicates } from './lead-duplicates';
import { LeadForm } from './lead-form';
import { fullName } from './lead-person';
import { LeadStageAndCoordinator } from './lead-stage-and-coordinator';
import { LeadTasks } from './lead-tasks';
import { LeadTimeline } from './lead-timeline';

/**
 * One lead: contact details and where it came from, its stage and coordinator,
 * the score with the rules that gave it, follow-ups, the timeline, and
 * conversion to a patient.
 */
export function LeadDetail(props: {
  leadId: string;
  stages: Stage[];
  sources: Source[];
  coordinators: Coordinator[];
  permissions: readonly string[];
  /** Likely duplicates returned when this lead was just created. */
  duplicates?: DuplicateMatch[] | undefined;
  onOpen: (id: string) => void;
  onBack: () => void;
  /** Where the back link returns to, in its words (the pipeline, or the page card). */
  backLabel?: string;
  /** After a change that moves counts shown elsewhere (coordinators' open leads). */
  onChanged: () => void;
  /** Opens the patient this lead was converted to. */
  onOpenPatient?: ((patientId: string) => void) | undefined;
}) {
  const can = (p: string) => props.permissions.includes(p);
  const canEdit = can('leads:edit');
  const model = useModel(() => new LeadDetailModel(props.leadId, props.duplicates ?? [], props.onChanged));
  const [sending, setSending] = useState(false);
  // Remounts the request list after a send, so it shows the new request.
  const [formsKey, setFormsKey] = useState(0);
  const data = model.data.value;
  const message = model.message.value;

  if (!data)
    return (
      <section class="area" data-testid="lead-detail">
        <button type="button" class="link" onClick={props.onBack}>
          {props.backLabel ?? '← Pipeline'}
        </button>
        {message ? (
          <p class="alert error" role="alert">
            {message.text}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </section>
    );

  const { lead, score } = data;
  if (model.editing.value)
    return (
      <LeadForm
        lead={lead}
        sources={props.sources}
        coordinators={props.coordinators}
        canAssign={false}
        onCancel={() => model.setEditing(false)}
        onOpen={props.onOpen}
        onSaved={() => undefined}
        onUpdated={() => model.edited()}
      />
    );
  const source = props.sources.find((s) => s.id === lead.sourceId);

  return (
    <section class="area" data-testid="lead-detail">
      <button type="button" class="link" onClick={props.onBack}>
        {props.backLabel ?? '← Pipeline'}
      </button>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="lead-message"
        >
          {message.text}
        </p>
      ) : null}
      {lead.mergedInto ? (
        <p class="alert" role="status">
          This lead was merged.{' '}
          <button type="button" class="link" onClick={() => props.onOpen(lead.mergedInto!)}>
            Open the lead it was merged into
          </button>
        </p>
      ) : null}
      {model.duplicates.value.length && !lead.mergedInto ? (
        <LeadDuplicates
          model={model}
          canEdit={canEdit}
          sourceName={props.sources.find((s) => s.id === data.lead.sourceId)?.name}
          onOpen={props.onOpen}
        />
      ) : null}

      <div class="row-between">
        <h2 data-testid="lead-name">{fullName(lead)}</h2>
        {canEdit && !lead.mergedInto ? (
          <button type="button" class="secondary" onClick={() => model.setEditing(true)}>
            Edit
          </button>
        ) : null}
      </div>
      <p class="small">
        {lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : null}
        {lead.email && lead.phone ? ' · ' : ''}
        {lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phone}</a> : null}
        {lead.dateOfBirth ? ` · born ${lead.dateOfBirth}` : ''}
      </p>
      {lead.responsibleParty ? (
        <p class="small">
          Parent or guardian: {lead.responsibleParty.name} ({lead.responsibleParty.relationship})
          {lead.responsibleParty.phone ? ` · ${lead.responsibleParty.phone}` : ''}
          {lead.responsibleParty.email ? ` · ${lead.responsibleParty.email}` : ''}
        </p>
      ) : null}
      <p class="muted small" data-testid="lead-origin">
        {source ? `Source: ${source.name}` : 'Source not known'}
        {lead.capture?.url ? (
          <>
            {' · captured from '}
            <a href={lead.capture.url} target="_blank" rel="noreferrer noopener">
              {lead.capture.title || lead.capture.url}
            </a>
          </>
        ) : null}
        {` · added ${formatDate(lead.createdAt)}`}
      </p>
      {lead.notes ? <p class="notes">{lead.notes}</p> : null}

      <details class="score" data-testid="lead-score">
        <summary>
          Score <strong>{score.score}</strong>/100
        </summary>
        <ul class="plain small">
          {score.contributions.map((c) => (
            <li key={c.rule}>
              {c.points > 0 ? '+' : ''}
              {c.points} {c.rule}
            </li>
          ))}
        </ul>
      </details>

      <LeadStageAndCoordinator
        lead={lead}
        stages={props.stages}
        coordinators={props.coordinators}
        canEdit={canEdit}
        canAssign={can('lead:assign')}
        model={model}
      />

      {lead.patientId ? (
        <div class="row-between">
          <p class="alert" role="status" data-testid="lead-converted">
            This lead is a patient now.
          </p>
          {props.onOpenPatient && can('patients:view') ? (
            <button
              type="button"
              class="link"
              onClick={() => lead.patientId && props.onOpenPatient?.(lead.patientId)}
            >
              Open the patient
            </button>
          ) : null}
        </div>
      ) : can('lead:convert') && !lead.mergedInto ? (
        model.converting.value ? (
          <LeadConvertForm lead={lead} model={model} />
        ) : (
          <button type="button" class="primary" onClick={() => model.setConverting(true)}>
            Convert to patient
          </button>
        )
      ) : null}

      {can('intake:view') ? (
        <section aria-labelledby="lead-forms-title">
          <h3 id="lead-forms-title">Intake forms</h3>
          {sending ? (
            <SendForm
              subject={{ leadId: lead.id }}
              subjectName={fullName(lead)}
              onSent={() => setFormsKey((k) => k + 1)}
              onCancel={() => setSending(false)}
            />
          ) : can('intake:edit') && !lead.mergedInto ? (
            <button type="button" class="secondary" onClick={() => setSending(true)}>
              Send intake form
            </button>
          ) : null}
          <RequestList
            key={formsKey}
            query={{ leadId: lead.id }}
            canSend={can('intake:edit')}
            emptyText="No forms sent to this lead."
          />
        </section>
      ) : null}
      {can('intake:view_submissions') ? (
        <ConsentList
          subject={{ leadId: lead.id }}
          canRevoke={can('intake:full') && !lead.mergedInto}
          onRevoked={() => model.load()}
        />
      ) : null}
      {can('automations:view') ? <AutomationHistory subject={{ leadId: lead.id }} /> : null}
      <LeadTasks items={data.tasks} remindersTo={data.remindersTo} canEdit={canEdit} model={model} />
      <LeadTimeline
        items={data.timeline}
        stages={props.stages}
        coordinators={props.coordinators}
        canEdit={canEdit}
        model={model}
      />
    </section>
  );
}
