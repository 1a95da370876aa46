import { action, createModel, signal } from '@preact/signals';
import type { RecordsSettings } from '../../../shared/schemas/records';
import { api, call } from '../../api/client';

type Update = Parameters<(typeof api)['records-settings']['$put']>[0]['json'];
export type NewRule = Update['customRules'][number];

/** The organisation's states, its own tighter rules and the two practice periods, next to the legal rules. */
export const RecordsSettingsModel = createModel(() => {
  const settings = signal<RecordsSettings | null>(null);
  const error = signal<string | null>(null);
  const message = signal<string | null>(null);
  const saving = signal(false);
  const root = api['records-settings'];

  const load = action(async () => {
    try {
      settings.value = await call(root.$get());
    } catch (e) {
      error.value = (e as Error).message;
    }
  });

  /** The saved rules as the update takes them (their ids and review dates are the server's). */
  const editable = (s: RecordsSettings): NewRule[] =>
    s.customRules.map((r) => ({
      name: r.name,
      requesters: r.requesters,
      accessKinds: r.accessKinds,
      days: r.days,
      clock: r.clock,
      citation: r.citation,
    }));

  const save = action(async (change: Partial<Update>) => {
    const current = settings.value;
    if (!current) return false;
    saving.value = true;
    error.value = null;
    message.value = null;
    // States and periods show their new value at once (a checkbox moves when clicked); a refusal puts them back.
    const { customRules: _rules, ...shown } = change;
    settings.value = { ...current, ...shown };
    try {
      settings.value = await call(
        root.$put({
          json: {
            states: current.states,
            customRules: editable(current),
            thirdPartyDays: current.thirdPartyDays,
            followUpDays: current.followUpDays,
            ...change,
          },
        }),
      );
      message.value = 'Settings saved. New requests follow them; logged ones keep their dates.';
      return true;
    } catch (e) {
      settings.value = current;
      error.value = (e as Error).message;
      return false;
    } finally {
      saving.value = false;
    }
  });

  load();
  return { settings, error, message, saving, save, editable };
});
