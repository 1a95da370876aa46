import { z } from 'zod';
import { FEE_RULE_IDS } from '../records/fees';
import { requiredText } from './text';

const cents = z.number().int().min(0).max(1_000_000);

export const feeInputSchema = z.strictObject({
  pages: z.number().int().min(0).max(100_000).optional(),
  laborMinutes: z.number().int().min(0).max(10_000).optional(),
  hourlyRateCents: cents.optional(),
  perPageCents: z.number().int().min(0).max(1000).optional(),
  mediaCents: cents.optional(),
  postageCents: cents.optional(),
  clericalQuarterHours: z.number().int().min(0).max(400).optional(),
  format: z.enum(['paper', 'electronic']).optional(),
  amountCents: cents.optional(),
});

export const feeSetSchema = z.strictObject({ ruleId: z.enum(FEE_RULE_IDS), input: feeInputSchema });
export const feeWaiverSchema = z.strictObject({ reason: requiredText('Say why the fee is waived', 500) });

const feeRuleSchema = z.object({
  id: z.enum(FEE_RULE_IDS),
  name: z.string(),
  citation: z.string(),
  inputs: z.array(z.string()),
  mayHoldForPayment: z.boolean(),
});

export const recordsFeeSchema = z.object({
  ruleId: z.enum(FEE_RULE_IDS),
  ruleName: z.string(),
  citation: z.string(),
  input: feeInputSchema,
  amountCents: z.number(),
  /** How the amount was computed, step by step. */
  lines: z.array(z.object({ label: z.string(), cents: z.number() })),
  status: z.enum(['unpaid', 'paid', 'waived']),
  waiverReason: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Whether an unpaid fee keeps the records from being sent (never for a patient's own access). */
  holdsRelease: z.boolean(),
});
export type RecordsFee = z.infer<typeof recordsFeeSchema>;

export const recordsFeeViewSchema = z.object({
  fee: recordsFeeSchema.nullable(),
  /** The rules this request may use. */
  rules: z.array(feeRuleSchema),
});
export type RecordsFeeView = z.infer<typeof recordsFeeViewSchema>;
