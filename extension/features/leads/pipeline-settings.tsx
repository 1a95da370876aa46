import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import type { LeadChannel, Stage } from './lead-api-types';
import { LeadFormSettings } from './lead-form-settings';
import { PipelineSettingsModel } from './pipeline-settings-model';
import { ScoringRulesEditor } from './scoring-rules-editor';

const OUTCOMES = { open: 'Open', won: 'Won', lost: 'Lost' } as const;
const CHANNELS: Record<string, string> = {
  web_form: 'Web form',
  phone: 'Phone',
  walk_in: 'Walk-in',
  referral: 'Referral',
  email: 'Email',
  web_page: 'Web page',
  other: 'Other',
};

/** The organisation's pipeline stages and lead sources (administrators: leads:full). */
export function PipelineSettings({ onBack }: { onBack: () => void }) {
  const model = useModel(PipelineSettingsModel);
  const stages = model.stages.value;
  const sources = model.sources.value;
  const message = model.message.value;
  // The add boxes' text until it is added.
  const [stageName, setStageName] = useState('');
  const [stageOutcome, setStageOutcome] = useState<Stage['outcome']>('open');
  const [sourceName, setSourceName] = useState('');
  const [sourceChannel, setSourceChannel] = useState<LeadChannel>('other');

  // A stage that still holds leads asks where they go before it is removed.
  const [moving, setMoving] = useState<{
    stage: Stage;
    others: Stage[];
    answer: (to: Stage | undefined) => void;
  } | null>(null);
  const remove = (stage: Stage) =>
    model.removeStage(stage, (others) => new Promise((answer) => setMoving({ stage, others, answer })));

  return (
    <section class="area" data-testid="pipeline-settings">
      {moving ? <MoveLeadsDialog {...moving} onDone={() => setMoving(null)} /> : null}
      <button type="button" class="link" onClick={onBack}>
        ← Pipeline
      </button>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="pipeline-message"
        >
          {message.text}
        </p>
      ) : null}
      <h3>Pipeline stages</h3>
      <p class="muted small">New leads start in the first stage. Won and lost stages close a lead.</p>
      <ol class="plain" data-testid="stage-list">
        {stages.map((s, i) => (
          <li key={s.id} class="row-between stage-row" data-testid="stage-row">
            <input
              aria-label={`Name of stage ${i + 1}`}
              class="grow"
              value={s.name}
              onChange={(e) => {
                const name = e.currentTarget.value.trim();
                if (name && name !== s.name) model.renameStage(s, name);
              }}
            />
            <select
              aria-label={`Outcome of ${s.name}`}
              value={s.outcome}
              onChange={(e) => model.setOutcome(s, e.currentTarget.value as Stage['outcome'])}
            >
              {Object.entries(OUTCOMES).map(([value, label]) => (
                <option value={value} key={value}>
                  {label}
                </option>
              ))}
            </select>
            <span class="row-actions">
              <button
                type="button"
                class="secondary"
                aria-label={`Move ${s.name} up`}
                disabled={i === 0}
                onClick={() => model.moveStage(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Move ${s.name} down`}
                disabled={i === stages.length - 1}
                onClick={() => model.moveStage(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove ${s.name}`}
                onClick={() => remove(s)}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <form
        class="inline"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await model.addStage(stageName, stageOutcome)) setStageName('');
        }}
      >
        <label class="sr-only" for="new-stage">
          New stage
        </label>
        <input
          id="new-stage"
          class="grow"
          placeholder="New stage"
          value={stageName}
          onInput={(e) => setStageName(e.currentTarget.value)}
        />
        <select
          aria-label="Outcome of the new stage"
          value={stageOutcome}
          onChange={(e) => setStageOutcome(e.currentTarget.value as Stage['outcome'])}
        >
          {Object.entries(OUTCOMES).map(([value, label]) => (
            <option value={value} key={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Add stage
        </button>
      </form>

      <h3>Lead sources</h3>
      <ul class="plain" data-testid="source-list">
        {sources.map((s) => (
          <li key={s.id} class="row-between">
            <span class={s.active ? '' : 'muted'}>
              {s.name} <span class="muted small">({CHANNELS[s.channel] ?? s.channel})</span>
            </span>
            <button type="button" class="link" onClick={() => model.toggleSource(s)}>
              {s.active ? 'Turn off' : 'Turn on'}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="inline"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await model.addSource(sourceName, sourceChannel)) setSourceName('');
        }}
      >
        <label class="sr-only" for="new-source">
          New source
        </label>
        <input
          id="new-source"
          class="grow"
          placeholder="New source, e.g. Spring open day"
          value={sourceName}
          onInput={(e) => setSourceName(e.currentTarget.value)}
        />
        <select
          aria-label="Channel of the new source"
          value={sourceChannel}
          onChange={(e) => setSourceChannel(e.currentTarget.value as LeadChannel)}
        >
          {Object.entries(CHANNELS).map(([value, label]) => (
            <option value={value} key={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Add source
        </button>
      </form>
      <ScoringRulesEditor />
      <LeadFormSettings />
    </section>
  );
}

/** Where the leads of a stage being removed go: one of the remaining stages. */
function MoveLeadsDialog(props: {
  stage: Stage;
  others: Stage[];
  answer: (to: Stage | undefined) => void;
  onDone: () => void;
}) {
  const [target, setTarget] = useState(props.others[0]!.id);
  const finish = (to: Stage | undefined) => {
    props.onDone();
    props.answer(to);
  };
  return (
    <ConfirmDialog
      title={`Remove ${props.stage.name}?`}
      message={`Leads in ${props.stage.name} must move to another stage first.`}
      confirmLabel="Move leads and remove"
      onConfirm={() => finish(props.others.find((s) => s.id === target))}
      onCancel={() => finish(undefined)}
    >
      <label for="move-leads-to">Move them to</label>
      <select id="move-leads-to" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
        {props.others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </ConfirmDialog>
  );
}
