import { action, createModel, effect, signal } from '@preact/signals';
import type {
  PracticeAnalytics,
  ProviderAnalytics,
  ReferralOverview,
} from '../../../shared/schemas/referral-analytics';
import { api, call } from '../../api/client';

/** The first day of a period of `days` days ending today, as the API takes it. */
export const periodStart = (days: number) =>
  new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);

/** The practice's referral analytics for a chosen period, fetched again when it changes. */
export const ReferralAnalyticsModel = createModel(() => {
  const days = signal(90);
  const data = signal<ReferralOverview | null>(null);
  const error = signal<string | null>(null);

  const choosePeriod = action((next: number) => {
    days.value = next;
  });

  effect(() => {
    error.value = null;
    call(api['referral-analytics'].$get({ query: { from: periodStart(days.value) } })).then(
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

/** One provider's figures for the last 90 days and the relationship strength with its reasons. */
export const ProviderStrengthModel = createModel((providerId: string) => {
  const data = signal<ProviderAnalytics | null>(null);
  const error = signal<string | null>(null);
  call(api['referral-analytics'].providers[':id'].$get({ param: { id: providerId }, query: {} })).then(
    (answer) => {
      data.value = answer;
    },
    (e: Error) => {
      error.value = e.message;
    },
  );
  return { data, error };
});

/** A practice's figures (all its providers together, and each one's share) for a chosen period. */
export const PracticeAnalyticsModel = createModel((practiceId: string) => {
  const days = signal(90);
  const data = signal<PracticeAnalytics | null>(null);
  const error = signal<string | null>(null);

  const choosePeriod = action((next: number) => {
    days.value = next;
  });

  effect(() => {
    error.value = null;
    call(
      api['referral-analytics'].practices[':id'].$get({
        param: { id: practiceId },
        query: { from: periodStart(days.value) },
      }),
    ).then(
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
