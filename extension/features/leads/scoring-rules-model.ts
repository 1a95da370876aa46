import { action, createModel, signal } from '@preact/signals';
import { apiCall } from '../../utils/use-api';

export type Rules = {
  source: Partial<Record<string, number>>;
  contact: { email: number; phone: number; dateOfBirth: number; responsibleParty: number };
  age: { freshDays: number; fresh: number; recentDays: number; recent: number };
  activity: { each: number; max: number };
  stage: { perStep: number; max: number };
};

/** The organisation's scoring rules as edited, saved whole. */
export const ScoringRulesModel = createModel(() => {
  const rules = signal<Rules | null>(null);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const setPoints = action((group: keyof Rules, key: string, points: number) => {
    const current = rules.value;
    if (current) rules.value = { ...current, [group]: { ...current[group], [key]: points } };
  });

  const save = action(async () => {
    message.value = null;
    try {
      rules.value = await apiCall<Rules>('PUT', '/api/v1/lead-scoring-rules', rules.value);
      message.value = { text: 'Scoring rules saved; scores use them from now on.', error: false };
    } catch (err) {
      message.value = { text: (err as Error).message, error: true };
    }
  });

  apiCall<Rules>('GET', '/api/v1/lead-scoring-rules').then(
    (answer) => {
      rules.value = answer;
    },
    (e: Error) => {
      message.value = { text: e.message, error: true };
    },
  );

  return { rules, message, setPoints, save };
});
