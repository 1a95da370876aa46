import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ShowMore } from '../../components/show-more';
import type { Me } from '../../utils/messages';
import { usePagedList } from '../../utils/use-api';
import { IntakeAreaModel, type IntakeTab } from './intake-area-model';
import type { IntakeSubmissionSummary, IntakeTemplate } from './intake-types';
import { RequestList } from './request-list';
import { SubmissionReview } from './submission-review';
import { TemplateBuilder } from './template-builder';

/** Intake forms (spec 001, 8.2): templates, what was sent, and what came back. */
export function IntakeArea({ me }: { me: Me }) {
  const can = (p: string) => me.permissions.includes(p);
  const model = useModel(IntakeAreaModel);
  const view = model.view.value;
  const message = model.message.value;

  if (view.kind === 'builder')
    return <TemplateBuilder template={view.template} onBack={(text) => model.builderClosed(text)} />;
  if (view.kind === 'review')
    return (
      <SubmissionReview
        submissionId={view.id}
        canAccept={can('intake:edit') && can('intake:view_submissions')}
        onBack={() => model.show({ kind: 'list', tab: view.from })}
      />
    );

  const tabs: [IntakeTab, string][] = [
    ['forms', 'Forms'],
    ['sent', 'Sent'],
    ...(can('intake:view_submissions') ? ([['submissions', 'Submissions']] as [IntakeTab, string][]) : []),
  ];

  return (
    <div>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="intake-message"
        >
          {message.text}
        </p>
      ) : null}
      <nav class="row" aria-label="Intake views">
        {tabs.map(([id, label]) => (
          <button
            type="button"
            key={id}
            class={view.tab === id ? 'primary' : 'secondary'}
            aria-pressed={view.tab === id}
            onClick={() => model.show({ kind: 'list', tab: id })}
          >
            {label}
          </button>
        ))}
      </nav>
      {view.tab === 'forms' ? (
        <TemplateList
          canConfigure={can('intake:configure')}
          onOpen={(id) => model.openTemplate(id)}
          onCreate={(name) => model.createTemplate(name)}
        />
      ) : view.tab === 'sent' ? (
        <RequestList
          query={{ outstanding: 'true' }}
          canSend={can('intake:edit')}
          emptyText="Nothing outstanding. Send a form from a lead's or a patient's page."
        />
      ) : (
        <SubmissionList onOpen={(id) => model.show({ kind: 'review', id, from: 'submissions' })} />
      )}
    </div>
  );
}

function TemplateList(props: {
  canConfigure: boolean;
  onOpen: (id: string) => void;
  onCreate: (name: string) => void;
}) {
  const list = usePagedList<IntakeTemplate>('/api/v1/intake-templates');
  const [name, setName] = useState('');
  return (
    <div data-testid="template-list">
      {props.canConfigure ? (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onCreate(name);
          }}
        >
          <label class="sr-only" for="new-template">
            New form name
          </label>
          <input
            id="new-template"
            class="grow"
            placeholder="New form, e.g. New patient intake"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" class="secondary auto-width">
            Create
          </button>
        </form>
      ) : null}
      {!list.loading && list.items.length === 0 ? (
        <p class="empty">
          No forms yet.{props.canConfigure ? ' Create one: it starts from a complete new-patient form.' : ''}
        </p>
      ) : null}
      <ul class="list" aria-busy={list.loading}>
        {list.items.map((t) => (
          <li key={t.id} data-testid="template-row">
            <button
              type="button"
              class="row-link"
              onClick={() => props.onOpen(t.id)}
              disabled={!props.canConfigure}
            >
              <strong>{t.name}</strong>
              <span class="muted small">
                {t.latestVersion ? `Version ${t.latestVersion.version}` : 'Not published'}
                {t.hasUnpublishedChanges && t.latestVersion ? ' · unpublished changes' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}

function SubmissionList({ onOpen }: { onOpen: (id: string) => void }) {
  const [accepted, setAccepted] = useState<'false' | 'true'>('false');
  const list = usePagedList<IntakeSubmissionSummary>(`/api/v1/intake-submissions?accepted=${accepted}`);
  return (
    <div data-testid="submission-list">
      <label for="submission-filter" class="sr-only">
        Show
      </label>
      <select
        id="submission-filter"
        value={accepted}
        onChange={(e) => setAccepted(e.currentTarget.value as 'true')}
      >
        <option value="false">To review</option>
        <option value="true">Accepted</option>
      </select>
      {!list.loading && list.items.length === 0 ? (
        <p class="empty">{accepted === 'false' ? 'Nothing to review.' : 'Nothing accepted yet.'}</p>
      ) : null}
      <ul class="list" aria-busy={list.loading}>
        {list.items.map((s) => (
          <li key={s.id} data-testid="submission-row">
            <button type="button" class="row-link" onClick={() => onOpen(s.id)}>
              <strong>{s.templateName}</strong>
              <span class="muted small">
                {s.leadId ? 'Lead' : 'Patient'} · submitted {new Date(s.submittedAt).toLocaleString()}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
