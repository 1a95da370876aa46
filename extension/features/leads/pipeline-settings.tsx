import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../utils/use-api';
import { LeadFormSettings } from './lead-form-settings';
import type { Source, Stage } from './lead-types';
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
  const [stages, setStages] = useState<Stage[]>([]);
  const [sources, setSources] = useState<Source[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [stageName, setStageName] = useState('');
  const [stageOutcome, setStageOutcome] = useState<Stage['outcome']>('open');
  const [sourceName, setSourceName] = useState('');
  const [sourceChannel, setSourceChannel] = useState('other');

  const load = useCallback(async () => {
    const [s, src] = await Promise.all([
      apiCall<{ items: Stage[] }>('GET', '/api/v1/pipeline-stages'),
      apiCall<{ items: Source[] }>('GET', '/api/v1/lead-sources'),
    ]);
    setStages(s.items);
    setSources(src.items);
  }, []);
  useEffect(() => {
    load().catch((e: Error) => setMessage({ text: e.message, error: true }));
  }, [load]);

  async function act(run: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await run();
      await load();
      setMessage({ text: done, error: false });
      return true;
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
      return false;
    }
  }

  function move(index: number, step: -1 | 1) {
    const ids = stages.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + step, 0, id!);
    act(() => apiCall('PUT', '/api/v1/pipeline-stages/order', { ids }), 'Order saved.');
  }

  async function remove(stage: Stage) {
    const others = stages.filter((s) => s.id !== stage.id);
    const ok = await act(
      () => apiCall('DELETE', `/api/v1/pipeline-stages/${stage.id}`),
      `${stage.name} removed.`,
    );
    // A stage with leads in it asks where they go, then tries again.
    if (!ok && others.length) {
      const choice = prompt(
        `Leads in ${stage.name} must move first. Move them to which stage? (${others.map((s) => s.name).join(', ')})`,
        others[0]!.name,
      );
      const to = others.find((s) => s.name.toLowerCase() === choice?.trim().toLowerCase());
      if (to)
        await act(
          () => apiCall('DELETE', `/api/v1/pipeline-stages/${stage.id}?moveTo=${encodeURIComponent(to.id)}`),
          `${stage.name} removed; its leads are in ${to.name}.`,
        );
    }
  }

  return (
    <section class="area" data-testid="pipeline-settings">
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
                if (name && name !== s.name)
                  act(() => apiCall('PATCH', `/api/v1/pipeline-stages/${s.id}`, { name }), 'Stage renamed.');
              }}
            />
            <select
              aria-label={`Outcome of ${s.name}`}
              value={s.outcome}
              onChange={(e) =>
                act(
                  () =>
                    apiCall('PATCH', `/api/v1/pipeline-stages/${s.id}`, { outcome: e.currentTarget.value }),
                  'Stage changed.',
                )
              }
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
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Move ${s.name} down`}
                disabled={i === stages.length - 1}
                onClick={() => move(i, 1)}
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
          if (
            await act(
              () => apiCall('POST', '/api/v1/pipeline-stages', { name: stageName, outcome: stageOutcome }),
              `${stageName.trim()} added.`,
            )
          )
            setStageName('');
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
            <button
              type="button"
              class="link"
              onClick={() =>
                act(
                  () => apiCall('PATCH', `/api/v1/lead-sources/${s.id}`, { active: !s.active }),
                  s.active ? `${s.name} turned off; past leads keep it.` : `${s.name} turned on.`,
                )
              }
            >
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
          if (
            await act(
              () => apiCall('POST', '/api/v1/lead-sources', { name: sourceName, channel: sourceChannel }),
              `${sourceName.trim()} added.`,
            )
          )
            setSourceName('');
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
          onChange={(e) => setSourceChannel(e.currentTarget.value)}
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
