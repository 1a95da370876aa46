import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { PageMatchCandidate } from '../../../shared/schemas/page-matches';
import { NoteBox } from '../../ui/note-box';
import type { Me } from '../../utils/messages';
import {
  candidateName,
  FacilityFacts,
  KIND_LABELS,
  LeadFacts,
  PatientFacts,
  Reasons,
} from './candidate-details';
import { PageMatchModel, type PageState } from './page-match-model';
import { facilityPrefill, patientPrefill, pendingPrefill } from './page-prefill';
import { type OpenedRecord, RecordFromPage } from './record-from-page';
import { TeachSite } from './teach-site';

type Model = InstanceType<typeof PageMatchModel>;

/** "This page": who or what the page in front shows, and what can be done about it here. */
export function PageCard({ me }: { me: Me }) {
  const model = useModel(() => new PageMatchModel());
  const [opened, setOpened] = useState<OpenedRecord | null>(null);
  const state = model.state.value;
  const notice = model.notice.value;

  if (opened) return <RecordFromPage record={opened} me={me} onBack={() => setOpened(null)} />;
  return (
    <section class="page-card" aria-labelledby="page-card-title" data-testid="page-card">
      <div class="row-between">
        <h2 id="page-card-title">This page</h2>
        <button type="button" class="link" onClick={model.readNow} disabled={state.kind === 'reading'}>
          Read this page
        </button>
      </div>
      <PageStateView state={state} model={model} me={me} onOpen={setOpened} />
      {notice ? (
        <p class={notice.error ? 'alert' : 'muted small'} role="status" data-testid="page-card-notice">
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}

function PageStateView({
  state,
  model,
  me,
  onOpen,
}: {
  state: PageState;
  model: Model;
  me: Me;
  onOpen: (record: OpenedRecord) => void;
}) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'reading':
      return <p class="muted small">Reading this page…</p>;
    case 'error':
      return (
        <p class="alert" role="alert">
          {state.message}
        </p>
      );
    case 'nothing':
      return (
        <>
          <p class="muted small">Nothing on this page names a patient, a lead or a facility.</p>
          {me.permissions.includes('patients:edit') ? <Teach url={state.reading.url} model={model} /> : null}
        </>
      );
    case 'skipped':
      return <Skipped why={state.why} model={model} />;
    case 'matched':
      return state.candidates.length ? (
        <Candidates candidates={state.candidates} model={model} me={me} onOpen={onOpen} />
      ) : (
        <NoMatch state={state} model={model} me={me} />
      );
  }
}

/** "Teach this site" for a page the readers do not understand. */
function Teach({ url, model }: { url: string; model: Model }) {
  const [open, setOpen] = useState(false);
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (!open)
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        Teach Sidecar this site
      </button>
    );
  return (
    <TeachSite
      host={host}
      onCancel={() => setOpen(false)}
      onDone={() => {
        setOpen(false);
        model.readNow();
      }}
    />
  );
}

function Skipped({ why, model }: { why: Extract<PageState, { kind: 'skipped' }>['why']; model: Model }) {
  if (why.skipped === 'not_a_page') return null;
  if (why.skipped === 'blocked')
    return <p class="muted small">Reading is turned off for {why.site} in Settings.</p>;
  const host = new URL(why.origin).host;
  return (
    <>
      <p class="muted small">
        Sidecar reads this site only when you ask. Allowing {host} lets it look here by itself whenever the
        panel is open; only names, dates of birth and record numbers it finds are sent, to match.
      </p>
      <button type="button" class="secondary" onClick={() => model.allowSite(why.origin)}>
        Read {host} automatically
      </button>
    </>
  );
}

function NoMatch({
  state,
  model,
  me,
}: {
  state: Extract<PageState, { kind: 'matched' }>;
  model: Model;
  me: Me;
}) {
  const ids = state.reading.identifiers;
  const person = [ids.firstName, ids.lastName].filter(Boolean).join(' ');
  const can = (p: string) => me.permissions.includes(p);
  const named = !!(ids.firstName && ids.lastName);
  return (
    <div data-testid="page-no-match">
      <p class="small">
        No patient, lead or facility matches {person || ids.facilityName || 'this page'}
        {ids.dateOfBirth ? ` (born ${ids.dateOfBirth})` : ''}.
      </p>
      <div class="row">
        {named && can('patients:edit') ? (
          <button
            type="button"
            class="secondary"
            onClick={() => (pendingPrefill.value = patientPrefill(state.reading))}
          >
            Add as patient
          </button>
        ) : null}
        {person && can('lead:create') ? (
          <button type="button" class="secondary" onClick={() => model.captureAsLead(state.reading)}>
            Capture as lead
          </button>
        ) : null}
        {/* A page about a person names their facility in passing; onboarding starts from the facility's own page. */}
        {!person && ids.facilityName && can('facilities:full') ? (
          <button
            type="button"
            class="secondary"
            onClick={() => (pendingPrefill.value = facilityPrefill(state.reading))}
          >
            Start onboarding this facility
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Candidates({
  candidates,
  model,
  me,
  onOpen,
}: {
  candidates: PageMatchCandidate[];
  model: Model;
  me: Me;
  onOpen: (record: OpenedRecord) => void;
}) {
  const [chosen, setChosen] = useState(0);
  const best = candidates[chosen] ?? candidates[0]!;
  const others = candidates.filter((c) => c !== best);
  const busy = model.busy.value;
  const can = (p: string) => me.permissions.includes(p);
  const note = (editPermission: string) =>
    can(editPermission) ? (
      <NoteBox
        id="page-card-note"
        busy={busy === 'note'}
        onAdd={(t) => model.addNote(best.kind, best.id, t)}
      />
    ) : null;
  return (
    <div>
      <article class="match" data-testid="page-match" data-ms={model.elapsedMs.value ?? undefined}>
        <h3 data-testid="match-name">{candidateName(best)}</h3>
        <p class="muted small">
          {KIND_LABELS[best.kind]} · match {best.score}
        </p>
        <Reasons candidate={best} />
        {best.kind === 'patient' ? (
          <>
            <PatientFacts candidate={best} />
            {best.patient.checklist.next.length ? (
              <ul class="list" aria-label="Next checklist items">
                {best.patient.checklist.next.map((item) => (
                  <li class="row-between" key={item.id} data-testid="match-next-item">
                    <span>
                      {item.title}
                      {item.required ? <span class="badge">required</span> : null}
                    </span>
                    {me.permissions.includes('patients:edit') ? (
                      <button
                        type="button"
                        class="secondary"
                        disabled={!!busy}
                        aria-label={`Mark ${item.title} done with this page as evidence`}
                        onClick={() => model.completeWithPage(best.id, item)}
                      >
                        {busy === item.id ? 'Saving…' : 'Done, with this page'}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {note('patients:edit')}
          </>
        ) : best.kind === 'lead' ? (
          <>
            <LeadFacts candidate={best} />
            {note('leads:edit')}
          </>
        ) : (
          <>
            <FacilityFacts candidate={best} />
            {note('facilities:edit')}
          </>
        )}
        <button type="button" class="link" onClick={() => onOpen({ kind: best.kind, id: best.id })}>
          Open record
        </button>
      </article>
      {others.length ? (
        <div class="small">
          Also possible:
          <ul class="list">
            {others.map((c) => (
              <li key={`${c.kind}-${c.id}`}>
                <button
                  type="button"
                  class="link"
                  data-testid="match-other"
                  onClick={() => setChosen(candidates.indexOf(c))}
                >
                  {candidateName(c)} ({KIND_LABELS[c.kind].toLowerCase()}, {c.reasons.join(', ')})
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
