import { action, createModel, signal } from '@preact/signals';
import type { LeadBoard, LeadCard } from '../../../shared/schemas/lead-board';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

export type BoardColumn = LeadBoard['columns'][number];

/**
 * The pipeline as a board. A move shows at once (the card changes column and
 * the counts follow) and is undone, with the reason, if the server refuses it.
 */
export const LeadBoardModel = createModel(() => {
  const columns = signal<BoardColumn[]>([]);
  const loading = signal(true);
  const message = signal<Notice | null>(null);
  /** The card being moved, so its buttons wait for the answer. */
  const moving = signal<string | null>(null);

  const load = action(async () => {
    loading.value = true;
    try {
      columns.value = (await call(api['lead-board'].$get({ query: {} }))).columns;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    } finally {
      loading.value = false;
    }
  });

  const move = action(async (card: LeadCard, toStageId: string) => {
    const before = columns.peek();
    const from = before.find((c) => c.leads.some((l) => l.id === card.id));
    const to = before.find((c) => c.stageId === toStageId);
    if (!from || !to || from === to || moving.peek()) return;
    moving.value = card.id;
    columns.value = before.map((c) =>
      c === from
        ? { ...c, total: c.total - 1, leads: c.leads.filter((l) => l.id !== card.id) }
        : c === to
          ? { ...c, total: c.total + 1, leads: [card, ...c.leads] }
          : c,
    );
    try {
      await call(api.leads[':id'].stage.$post({ param: { id: card.id }, json: { stageId: toStageId } }));
      message.value = { text: `${card.firstName} ${card.lastName} moved to ${to.name}.`, error: false };
    } catch (e) {
      columns.value = before;
      message.value = {
        text: `${card.firstName} ${card.lastName} stays in ${from.name}: ${(e as Error).message}`,
        error: true,
      };
    } finally {
      moving.value = null;
    }
  });

  load();
  return { columns, loading, message, moving, load, move };
});
