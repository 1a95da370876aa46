import { action, createModel, effect, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import type { LeadAnalytics } from './lead-api-types';

/** The analytics for a chosen period, fetched again whenever the period changes. */
export const LeadAnalyticsModel = createModel(() => {
  const days = signal(90);
  const data = signal<LeadAnalytics | null>(null);
  const error = signal<string | null>(null);

  const choosePeriod = action((next: number) => {
    days.value = next;
  });

  effect(() => {
    error.value = null;
    const from = new Date(Date.now() - days.value * 86_400_000).toISOString();
    call(api.leads.analytics.$get({ query: { from } })).then(
      (answer) => {
        data.value = answer;
      },
      (e: Error) => {
        error.value = e.message;
      },
    );
  });

  return { days, data, error, choosePeriod };
});
