import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Facility } from '../../utils/facility-types';
import { apiCall } from '../../utils/use-api';
import { RequestList } from '../intake/request-list';
import { SendForm } from '../intake/send-form';
import { LeadForm } from './lead-form';
import { LeadTasks } from './lead-tasks';
import { LeadTimeline } from './lead-timeline';
import {
  type Activity,
  type Coordinator,
  type DuplicateMatch,
  fullName,
  type Lead,
  type LeadScore,
  type LeadTask,
  type Source,
  type Stage,
} from './lead-types';

type Loaded = { lead: Lead; timeline: Activity[]; tasks: LeadTask[]; score: LeadScore };

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
}) {
  const can = (p: string) => props.permissions.includes(p);
  const canEdit = can('leads:edit');
  const [data, setData] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [duplicates, setDuplicates] = useState(props.duplicates ?? []);
  const [converting, setConverting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [formsKey, setFormsKey] = useState(0);

  const load = useCallback(async () => {
    try {
      const base = `/api/v1/leads/${props.leadId}`;
      const [lead, timeline, tasks, score] = await Promise.all([
        apiCall<Lead>('GET', base),
        apiCall<{ items: Activity[] }>('GET', `${base}/timeline`),
        apiCall<{ items: LeadTask[] }>('GET', `${base}/tasks`),
        apiCall<LeadScore>('GET', `${base}/score`),
      ]);
      setData({ lead, timeline: timeline.items, tasks: tasks.items, score });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }, [props.leadId]);
  useEffect(() => {
    load();
  }, [load]);

  async function act(run: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await run();
      setMessage({ text: done, error: false });
      await load();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  if (!data)
    return (
      <section class="area" data-testid="lead-detail">
        <button type="button" class="link" onClick={props.onBack}>
          ← Pipeline
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
  if (editing)
    return (
      <LeadForm
        lead={lead}
        sources={props.sources}
        coordinators={props.coordinators}
        canAssign={false}
        onCancel={() => setEditing(false)}
        onOpen={props.onOpen}
        onSaved={() => undefined}
        onUpdated={() => {
          setEditing(false);
          setMessage({ text: 'Changes saved.', error: false });
          load();
        }}
      />
    );
  const source = props.sources.find((s) => s.id === lead.sourceId);
  const coordinator = props.coordinators.find((c) => c.id === lead.coordinatorId);
  const stage = props.stages.find((s) => s.id === lead.stageId);
  const daysInStage = Math.floor((Date.now() - Date.parse(lead.stageEnteredAt)) / 86_400_000);

  return (
    <section class="area" data-testid="lead-detail">
      <button type="button" class="link" onClick={props.onBack}>
        ← Pipeline
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
      {duplicates.length && !lead.mergedInto ? (
        <div class="alert" role="status" data-testid="lead-duplicates">
          <p>This may be someone you already have:</p>
          <ul class="plain">
            {duplicates.map((d) => (
              <li key={d.id}>
                {fullName(d)} <span class="muted small">({d.reasons.join(', ')})</span>{' '}
                <button type="button" class="link" onClick={() => props.onOpen(d.id)}>
                  Open
                </button>
                {canEdit ? (
                  <button
                    type="button"
                    class="link"
                    onClick={async () => {
                      try {
                        // The older lead keeps its history; this capture's details join it.
                        await apiCall('POST', `/api/v1/leads/${d.id}/merge`, { duplicateId: lead.id });
                        props.onOpen(d.id);
                      } catch (e) {
                        setMessage({ text: (e as Error).message, error: true });
                      }
                    }}
                  >
                    Merge into it
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => setDuplicates([])}>
            Keep both
          </button>
        </div>
      ) : null}

      <div class="row-between">
        <h2 data-testid="lead-name">{fullName(lead)}</h2>
        {canEdit && !lead.mergedInto ? (
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
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
        {` · added ${new Date(lead.createdAt).toLocaleDateString()}`}
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

      <div class="two">
        <div class="field">
          <label for="lead-stage">Stage</label>
          <select
            id="lead-stage"
            value={lead.stageId}
            disabled={!canEdit || !!lead.mergedInto}
            onChange={(e) => {
              const to = props.stages.find((s) => s.id === e.currentTarget.value);
              act(
                () => apiCall('POST', `/api/v1/leads/${lead.id}/stage`, { stageId: e.currentTarget.value }),
                `Moved to ${to?.name ?? 'the stage'}.`,
              );
            }}
          >
            {props.stages.map((s) => (
              <option value={s.id} key={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <p class="muted small">
            {stage?.outcome === 'open' ? `${daysInStage} day(s) in this stage` : stage?.outcome}
          </p>
        </div>
        <div class="field">
          <label for="lead-coordinator">Coordinator</label>
          {can('lead:assign') ? (
            <>
              <select
                id="lead-coordinator"
                value={lead.coordinatorId ?? ''}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  if (id)
                    act(
                      () => apiCall('POST', `/api/v1/leads/${lead.id}/assign`, { coordinatorId: id }),
                      'Coordinator assigned.',
                    );
                }}
              >
                <option value="" disabled>
                  Unassigned
                </option>
                {props.coordinators.map((c) => (
                  <option value={c.id} key={c.id}>
                    {c.name} ({c.openLeads} open)
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="link"
                onClick={() =>
                  act(
                    () => apiCall('POST', `/api/v1/leads/${lead.id}/assign`, {}),
                    'Assigned to the coordinator with the fewest open leads.',
                  )
                }
              >
                Assign round-robin
              </button>
            </>
          ) : (
            <p id="lead-coordinator">{coordinator?.name ?? 'Unassigned'}</p>
          )}
        </div>
      </div>

      {lead.patientId ? (
        <p class="alert" role="status" data-testid="lead-converted">
          This lead is a patient now.
        </p>
      ) : can('lead:convert') && !lead.mergedInto ? (
        converting ? (
          <ConvertForm
            lead={lead}
            onCancel={() => setConverting(false)}
            onConverted={() => {
              setConverting(false);
              setMessage({ text: `${fullName(lead)} is now a patient.`, error: false });
              load();
            }}
          />
        ) : (
          <button type="button" class="primary" onClick={() => setConverting(true)}>
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
      <LeadTasks leadId={lead.id} items={data.tasks} canEdit={canEdit} onChanged={load} />
      <LeadTimeline
        leadId={lead.id}
        items={data.timeline}
        stages={props.stages}
        coordinators={props.coordinators}
        canEdit={canEdit}
        onChanged={load}
      />
    </section>
  );
}

/** Conversion: the facility or location, and the date of birth a patient record needs. */
function ConvertForm(props: { lead: Lead; onCancel: () => void; onConverted: () => void }) {
  const [facilities, setFacilities] = useState<Facility[] | null>(null);
  const [facilityId, setFacilityId] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState(props.lead.dateOfBirth ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    apiCall<{ items: Facility[] }>('GET', '/api/v1/facilities?limit=200&sort=name').then(
      (r) => setFacilities(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);

  async function convert(e: Event) {
    e.preventDefault();
    if (!facilityId || !dateOfBirth) {
      setError('Choose the facility or location and give the date of birth.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await apiCall('POST', `/api/v1/leads/${props.lead.id}/convert`, { facilityId, dateOfBirth });
      props.onConverted();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={convert} noValidate data-testid="convert-form">
      <h3>Convert to patient</h3>
      <div class="field">
        <label for="convert-facility">Facility or location</label>
        <select
          id="convert-facility"
          value={facilityId}
          onChange={(e) => setFacilityId(e.currentTarget.value)}
        >
          <option value="">Choose…</option>
          {(facilities ?? []).map((f) => (
            <option value={f.id} key={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="convert-dob">Date of birth</label>
        <input
          id="convert-dob"
          type="date"
          value={dateOfBirth}
          onInput={(e) => setDateOfBirth(e.currentTarget.value)}
        />
      </div>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Converting…' : 'Convert'}
        </button>
      </div>
    </form>
  );
}
