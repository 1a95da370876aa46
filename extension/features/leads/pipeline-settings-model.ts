import { action, createModel, signal } from '@preact/signals';
import { apiCall } from '../../utils/use-api';
import type { Source, Stage } from './lead-types';

/** The pipeline's stages and the lead sources, as administrators arrange them. */
export const PipelineSettingsModel = createModel(() => {
  const stages = signal<Stage[]>([]);
  const sources = signal<Source[]>([]);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const load = async () => {
    const [s, src] = await Promise.all([
      apiCall<{ items: Stage[] }>('GET', '/api/v1/pipeline-stages'),
      apiCall<{ items: Source[] }>('GET', '/api/v1/lead-sources'),
    ]);
    stages.value = s.items;
    sources.value = src.items;
  };

  /** One change, then the lists again; true when it went through. */
  const act = action(async (run: () => Promise<unknown>, done: string) => {
    message.value = null;
    try {
      await run();
      await load();
      message.value = { text: done, error: false };
      return true;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
      return false;
    }
  });

  const moveStage = action((index: number, step: -1 | 1) => {
    const ids = stages.value.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + step, 0, id!);
    return act(() => apiCall('PUT', '/api/v1/pipeline-stages/order', { ids }), 'Order saved.');
  });
  const renameStage = action((stage: Stage, name: string) =>
    act(() => apiCall('PATCH', `/api/v1/pipeline-stages/${stage.id}`, { name }), 'Stage renamed.'),
  );
  const setOutcome = action((stage: Stage, outcome: string) =>
    act(() => apiCall('PATCH', `/api/v1/pipeline-stages/${stage.id}`, { outcome }), 'Stage changed.'),
  );
  const addStage = action((name: string, outcome: Stage['outcome']) =>
    act(() => apiCall('POST', '/api/v1/pipeline-stages', { name, outcome }), `${name.trim()} added.`),
  );

  /**
   * A stage with leads in it asks where they go (`chooseTarget` asks the
   * person), then tries again.
   */
  const removeStage = action(async (stage: Stage, chooseTarget: (others: Stage[]) => Stage | undefined) => {
    const others = stages.value.filter((s) => s.id !== stage.id);
    const ok = await act(
      () => apiCall('DELETE', `/api/v1/pipeline-stages/${stage.id}`),
      `${stage.name} removed.`,
    );
    if (ok || !others.length) return;
    const to = chooseTarget(others);
    if (to)
      await act(
        () => apiCall('DELETE', `/api/v1/pipeline-stages/${stage.id}?moveTo=${encodeURIComponent(to.id)}`),
        `${stage.name} removed; its leads are in ${to.name}.`,
      );
  });

  const toggleSource = action((source: Source) =>
    act(
      () => apiCall('PATCH', `/api/v1/lead-sources/${source.id}`, { active: !source.active }),
      source.active ? `${source.name} turned off; past leads keep it.` : `${source.name} turned on.`,
    ),
  );
  const addSource = action((name: string, channel: string) =>
    act(() => apiCall('POST', '/api/v1/lead-sources', { name, channel }), `${name.trim()} added.`),
  );

  load().catch((e: Error) => {
    message.value = { text: e.message, error: true };
  });

  return {
    stages,
    sources,
    message,
    moveStage,
    renameStage,
    setOutcome,
    addStage,
    removeStage,
    toggleSource,
    addSource,
  };
});
