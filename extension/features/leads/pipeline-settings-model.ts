import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import type { LeadChannel, Source, Stage } from './lead-api-types';

/** The pipeline's stages and the lead sources, as administrators arrange them. */
export const PipelineSettingsModel = createModel(() => {
  const stages = signal<Stage[]>([]);
  const sources = signal<Source[]>([]);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const load = async () => {
    const [s, src] = await Promise.all([
      call(api['pipeline-stages'].$get()),
      call(api['lead-sources'].$get()),
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
    return act(() => call(api['pipeline-stages'].order.$put({ json: { ids } })), 'Order saved.');
  });
  const renameStage = action((stage: Stage, name: string) =>
    act(
      () => call(api['pipeline-stages'][':id'].$patch({ param: { id: stage.id }, json: { name } })),
      'Stage renamed.',
    ),
  );
  const setOutcome = action((stage: Stage, outcome: Stage['outcome']) =>
    act(
      () => call(api['pipeline-stages'][':id'].$patch({ param: { id: stage.id }, json: { outcome } })),
      'Stage changed.',
    ),
  );
  const addStage = action((name: string, outcome: Stage['outcome']) =>
    act(() => call(api['pipeline-stages'].$post({ json: { name, outcome } })), `${name.trim()} added.`),
  );

  /**
   * A stage with leads in it asks where they go (`chooseTarget` asks the
   * person), then tries again.
   */
  const removeStage = action(
    async (stage: Stage, chooseTarget: (others: Stage[]) => Promise<Stage | undefined>) => {
      const others = stages.value.filter((s) => s.id !== stage.id);
      const ok = await act(
        () => call(api['pipeline-stages'][':id'].$delete({ param: { id: stage.id }, query: {}, json: {} })),
        `${stage.name} removed.`,
      );
      if (ok || !others.length) return;
      const to = await chooseTarget(others);
      if (to)
        await act(
          () =>
            call(
              api['pipeline-stages'][':id'].$delete({
                param: { id: stage.id },
                query: { moveTo: to.id },
                json: {},
              }),
            ),
          `${stage.name} removed; its leads are in ${to.name}.`,
        );
    },
  );

  const toggleSource = action((source: Source) =>
    act(
      () =>
        call(
          api['lead-sources'][':id'].$patch({ param: { id: source.id }, json: { active: !source.active } }),
        ),
      source.active ? `${source.name} turned off; past leads keep it.` : `${source.name} turned on.`,
    ),
  );
  const addSource = action((name: string, channel: LeadChannel) =>
    act(() => call(api['lead-sources'].$post({ json: { name, channel } })), `${name.trim()} added.`),
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
