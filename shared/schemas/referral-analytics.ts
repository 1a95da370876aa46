import { z } from 'zod';
import type { StrengthRules } from '../referral-strength';
import { timestampSchema } from './common';

const dateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

/** A period of calendar days, both ends included; the last 90 days to today when not given. */
export const referralAnalyticsQuerySchema = z.strictObject({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

const periodSchema = z.object({ from: z.string(), to: z.string(), days: z.number().int() });

/** What the referrals received in a period became (a cohort: later steps are counted for those referrals). */
export const referralStatsSchema = z.object({
  referrals: z.number().int(),
  consultations: z.number().int(),
  conversions: z.number().int(),
  /** Percent, one decimal. */
  conversionRate: z.number(),
  averageDaysToConsultation: z.number().nullable(),
  averageDaysConsultationToStart: z.number().nullable(),
  averageDaysToStart: z.number().nullable(),
  /** Sum of the revenue entered on these referrals; null when none was entered. */
  revenueCents: z.number().int().nullable(),
  /** The latest incoming referral up to the end of the period. */
  lastReferralDate: z.string().nullable(),
  previous: z.object({ referrals: z.number().int(), conversions: z.number().int() }),
  /** Referrals against the previous period, in percent; null when the previous period had none. */
  trendPercent: z.number().nullable(),
});

export const monthCountSchema = z.object({
  month: z.string(),
  referrals: z.number().int(),
  conversions: z.number().int(),
});

const who = {
  providerId: z.string(),
  name: z.string(),
  practiceId: z.string(),
  practiceName: z.string(),
};

export const topReferrerSchema = z.object({
  ...who,
  referrals: z.number().int(),
  conversions: z.number().int(),
  conversionRate: z.number(),
  lastReferralDate: z.string().nullable(),
  previousReferrals: z.number().int(),
});

export const coolingReferrerSchema = z.object({
  ...who,
  /** Referrals in the period. */
  referrals: z.number().int(),
  /** Their own average per period of the same length over the history window. */
  usual: z.number(),
  dropPercent: z.number(),
  lastReferralDate: z.string().nullable(),
});

export const referralOverviewSchema = z.object({
  period: periodSchema,
  previousPeriod: periodSchema,
  totals: referralStatsSchema,
  monthly: z.array(monthCountSchema),
  top: z.array(topReferrerSchema),
  cooling: z.array(coolingReferrerSchema),
  /** How the two lists are chosen, in words for the panel. */
  definitions: z.object({ top: z.string(), cooling: z.string() }),
});

export const strengthReasonSchema = z.object({
  rule: z.string(),
  points: z.number(),
  explanation: z.string(),
});
export const strengthSchema = z.object({
  score: z.number().int(),
  reasons: z.array(strengthReasonSchema),
});

export const providerAnalyticsSchema = z.object({
  period: periodSchema,
  previousPeriod: periodSchema,
  provider: z.object(who),
  stats: referralStatsSchema,
  monthly: z.array(monthCountSchema),
  strength: strengthSchema,
});

export const practiceAnalyticsSchema = z.object({
  period: periodSchema,
  previousPeriod: periodSchema,
  practice: z.object({ id: z.string(), name: z.string() }),
  stats: referralStatsSchema,
  monthly: z.array(monthCountSchema),
  providers: z.array(
    z.object({
      providerId: z.string(),
      name: z.string(),
      referrals: z.number().int(),
      conversions: z.number().int(),
    }),
  ),
});

const points = z.number().int().min(-100).max(100);
const days = z.number().int().min(1).max(3650);
export const strengthRulesSchema = z.strictObject({
  recency: z
    .strictObject({
      recentDays: days,
      recent: points,
      warmDays: days,
      warm: points,
      coolDays: days,
      cool: points,
    })
    .refine((r) => r.recentDays <= r.warmDays && r.warmDays <= r.coolDays, {
      message: 'The recency bands must grow: recent, then warm, then cool',
      path: ['warmDays'],
    }),
  frequency: z.strictObject({ windowDays: days, each: points, max: points }),
  conversion: z.strictObject({ minReferrals: z.number().int().min(1).max(1000), max: points }),
  letters: z.strictObject({ onTimeDays: days, max: points }),
  trend: z.strictObject({ windowDays: days, rising: points, falling: points }),
}) satisfies z.ZodType<StrengthRules>;
export const strengthRulesAnswerSchema = z.object({
  rules: strengthRulesSchema,
  updatedAt: timestampSchema.nullable(),
});

export type ReferralAnalyticsQuery = z.infer<typeof referralAnalyticsQuerySchema>;
export type ReferralStats = z.infer<typeof referralStatsSchema>;
export type MonthCount = z.infer<typeof monthCountSchema>;
export type TopReferrer = z.infer<typeof topReferrerSchema>;
export type CoolingReferrer = z.infer<typeof coolingReferrerSchema>;
export type ReferralOverview = z.infer<typeof referralOverviewSchema>;
export type ProviderAnalytics = z.infer<typeof providerAnalyticsSchema>;
export type PracticeAnalytics = z.infer<typeof practiceAnalyticsSchema>;
export type Strength = z.infer<typeof strengthSchema>;
export type StrengthRulesAnswer = z.infer<typeof strengthRulesAnswerSchema>;
