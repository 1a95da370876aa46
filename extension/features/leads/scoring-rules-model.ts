import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import type { ScoringRules } from './lead-api-types';

export type Rules = ScoringRules;

/** The organisation's scoring rules as edited, saved whole. */
export const ScoringRulesModel = createModel(() => {
  const rules = signal<Rules | null>(null);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const setPoints = action((group: keyof Rules, key: string, points: number) => {
    const current = rules.value;
    if (current) rules.value = { ...current, [group]: { ...current[group], [key]: points } };
  });

  const save = action(async () => {
    const edited = rules.value;
    if (!edited) return;
    message.value = null;
    try {
      rules.value = await call(api['lead-scoring-rules'].$put({ json: edited }));
      message.value = { text: 'Scoring rules saved; scores use them from now on.', error: false };
    } catch (err) {
      message.value = { text: (err as Error).message, error: true };
    }
  });

  call(api['lead-scoring-rules'].$get()).then(
    (answer) => {
      rules.value = answer;
    },
    (e: Error) => {
      message.value = { text: e.message, error: true };
    },
  );

  return { rules, message, setPoints, save };
});
