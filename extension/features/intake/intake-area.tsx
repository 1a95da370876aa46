import { useModel } from '@preact/signals';
import type { Me } from '../../utils/messages';
import { IntakeAreaModel, type IntakeTab } from './intake-area-model';
import { RequestList } from './request-list';
import { SubmissionList } from './submission-list';
import { SubmissionReview } from './submission-review';
import { TemplateBuilder } from './template-builder';
import { TemplateList } from './template-list';

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
