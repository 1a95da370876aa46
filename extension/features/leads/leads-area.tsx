import { useModel } from '@preact/signals';
import type { Me } from '../../utils/messages';
import { pendingReferrerItem } from '../../utils/storage-items';
import { PatientPage } from '../shell/record-pages';
import { LeadAnalyticsView } from './lead-analytics';
import { LeadBoardView } from './lead-board';
import { LeadDetail } from './lead-detail';
import { LeadForm } from './lead-form';
import { LeadImport } from './lead-import';
import { LeadList } from './lead-list';
import { LeadOutbox } from './lead-outbox';
import { LeadsModel } from './leads-model';
import { PipelineSettings } from './pipeline-settings';

/** Leads (spec 001, 8.1): the pipeline, capture from pages and email, follow-ups and analytics. */
export function LeadsArea({ me }: { me: Me }) {
  const can = (p: string) => me.permissions.includes(p);
  const model = useModel(() => new LeadsModel(me.permissions));
  const view = model.view.value;
  const ref = model.reference.value;
  const message = model.message.value;

  if (!ref)
    return message ? (
      <p class="alert error" role="alert">
        {message.text}
      </p>
    ) : (
      <p class="muted">Loading…</p>
    );

  if (view.kind === 'add')
    return (
      <LeadForm
        key={view.capture?.capturedAt ?? 'new'}
        capture={view.capture}
        sources={ref.sources}
        coordinators={ref.coordinators}
        canAssign={can('lead:assign')}
        directory={{ canView: can('referrals:view'), canRecord: can('referrals:edit') }}
        onSaveAsReferrer={
          view.capture?.referrer && can('referral:manage_providers')
            ? () => {
                pendingReferrerItem.setValue(view.capture?.referrer ?? null);
                model.back();
              }
            : undefined
        }
        onCancel={() => model.back()}
        onOpen={(id) => model.open(id)}
        onSaved={(saved) => model.saved(saved, view.queuedKey)}
      />
    );
  if (view.kind === 'detail')
    return (
      <LeadDetail
        key={view.id}
        leadId={view.id}
        {...ref}
        permissions={me.permissions}
        duplicates={view.duplicates}
        onOpen={(id) => model.open(id)}
        onOpenPatient={(id) => model.openPatient(id)}
        onBack={() => model.back()}
        onChanged={() => model.loadReference()}
      />
    );
  if (view.kind === 'patient')
    return (
      <PatientPage
        key={view.id}
        me={me}
        patientId={view.id}
        onBack={() => model.open(view.fromLead)}
        backLabel="← Back to the lead"
        onOpenLead={(id) => model.open(id)}
      />
    );
  if (view.kind === 'analytics')
    return <LeadAnalyticsView coordinators={ref.coordinators} onBack={() => model.back()} />;
  if (view.kind === 'settings') return <PipelineSettings onBack={() => model.settingsClosed()} />;
  if (view.kind === 'import')
    return (
      <LeadImport
        onCancel={() => model.back()}
        onDone={(done) =>
          model.back(
            `Imported ${done.imported.toLocaleString()} ${done.imported === 1 ? 'lead' : 'leads'}${
              done.skippedErrors || done.skippedDuplicates
                ? ` (left out: ${done.skippedErrors.toLocaleString()} with errors, ${done.skippedDuplicates.toLocaleString()} likely duplicates)`
                : ''
            }.`,
          )
        }
      />
    );

  const capturing = model.capturing.value;
  const layout = model.layout.value;
  return (
    <div>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="leads-message"
        >
          {message.text}
        </p>
      ) : null}
      <LeadOutbox
        waiting={model.waiting.value}
        onSendNow={() => model.sendWaiting()}
        onDiscard={(q) => model.discardQueued(q.idempotencyKey)}
        onFix={(q) => model.fixQueued(q)}
      />
      {can('lead:create') ? (
        <div class="row">
          <button type="button" class="primary" onClick={() => model.captureHere()} disabled={capturing}>
            {capturing ? 'Reading the page…' : 'Capture from this page'}
          </button>
          <button type="button" class="secondary" onClick={() => model.show({ kind: 'add' })}>
            Add lead
          </button>
          <button type="button" class="secondary" onClick={() => model.show({ kind: 'import' })}>
            Import leads
          </button>
        </div>
      ) : null}
      <div class="row">
        <button type="button" class="link" onClick={() => model.show({ kind: 'analytics' })}>
          Analytics
        </button>
        {can('leads:full') ? (
          <button type="button" class="link" onClick={() => model.show({ kind: 'settings' })}>
            Pipeline and sources
          </button>
        ) : null}
      </div>
      <fieldset class="segmented">
        <legend class="sr-only">Show the pipeline as</legend>
        <button type="button" aria-pressed={layout === 'list'} onClick={() => model.showLayout('list')}>
          List
        </button>
        <button type="button" aria-pressed={layout === 'board'} onClick={() => model.showLayout('board')}>
          Board
        </button>
      </fieldset>
      {layout === 'board' ? (
        <LeadBoardView canMove={can('leads:edit')} onOpen={(id) => model.open(id)} />
      ) : (
        <LeadList
          stages={ref.stages}
          sources={ref.sources}
          coordinators={ref.coordinators}
          onOpen={(id) => model.open(id)}
        />
      )}
    </div>
  );
}
