import { action, createModel, signal } from '@preact/signals';
import type { StrengthRules } from '../../../shared/referral-strength';
import { api, call } from '../../api/client';

/** The organisation's relationship strength rules as edited, saved whole. */
export const StrengthRulesModel = createModel(() => {
  const rules = signal<StrengthRules | null>(null);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const setNumber = action((group: keyof StrengthRules, key: string, n: number) => {
    const current = rules.value;
    if (current) rules.value = { ...current, [group]: { ...current[group], [key]: n } };
  });

  const save = action(async () => {
    const edited = rules.value;
    if (!edited) return;
    message.value = null;
    try {
      rules.value = (await call(api['referral-strength-rules'].$put({ json: edited }))).rules;
      message.value = {
        text: 'Strength rules saved; every provider is scored with them from now on.',
        error: false,
      };
    } catch (err) {
      message.value = { text: (err as Error).message, error: true };
    }
  });

  call(api['referral-strength-rules'].$get()).then(
    (answer) => {
      rules.value = answer.rules;
    },
    (e: Error) => {
      message.value = { text: e.message, error: true };
    },
  );

  return { rules, message, setNumber, save };
});
