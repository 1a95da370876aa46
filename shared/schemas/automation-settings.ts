import { z } from 'zod';
import { isTimeZone } from '../automation/quiet-hours';
import { timestampSchema } from './common';

const minuteOfDay = z.number().int().min(0).max(1439);

/** How the organisation's automations may send (quiet hours are in its time zone). */
export const automationSettingsUpdateSchema = z.strictObject({
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'Choose a time zone such as America/New_York' }),
  /** Minutes of the local day; the same start and end mean no quiet hours. */
  quietStartMinute: minuteOfDay,
  quietEndMinute: minuteOfDay,
  /** Automation messages one recipient may get in one local day. */
  dailyCap: z.number().int().min(1).max(50),
});
export type AutomationSettingsUpdate = z.infer<typeof automationSettingsUpdateSchema>;

export const automationSettingsSchema = automationSettingsUpdateSchema.extend({
  updatedAt: timestampSchema.nullable(),
});
export type AutomationSettings = z.infer<typeof automationSettingsSchema>;
