import type { z } from 'zod';
import { recordsSettings } from '../../../db/schema';
import {
  DEFAULT_DEADLINE_SETTINGS,
  type DeadlineRule,
  type DeadlineSettings,
  LEGAL_RULES,
  type RuleState,
} from '../../../shared/records/deadline-rules';
import type { recordsSettingsUpdateSchema } from '../../../shared/schemas/records';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';

export async function readDeadlineSettings(tenant: TenantDb): Promise<DeadlineSettings> {
  const [row] = await tenant.select(recordsSettings).limit(1);
  if (!row) return DEFAULT_DEADLINE_SETTINGS;
  return {
    states: row.states as RuleState[],
    customRules: row.customRules,
    thirdPartyDays: row.thirdPartyDays,
    followUpDays: row.followUpDays,
  };
}

export async function getRecordsSettings(tenant: TenantDb) {
  return { ...(await readDeadlineSettings(tenant)), legalRules: [...LEGAL_RULES] };
}

/**
 * The organisation chooses its states and adds rules of its own. The federal
 * rule is not among the editable ones and the strictest rule always wins, so
 * nothing here can make a patient's deadline later than HIPAA's.
 */
export async function updateRecordsSettings(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: z.infer<typeof recordsSettingsUpdateSchema>,
) {
  const now = iso();
  const customRules: DeadlineRule[] = input.customRules.map((r, i) => ({
    ...r,
    id: `org-${i + 1}`,
    jurisdiction: 'organisation',
    extension: null,
    lastReviewed: now.slice(0, 10),
  }));
  const values = {
    states: [...input.states],
    customRules,
    thirdPartyDays: input.thirdPartyDays,
    followUpDays: input.followUpDays,
    updatedBy: auth.userId,
    updatedAt: now,
  };
  await tenant.batch([
    tenant
      .insert(recordsSettings, values)
      .onConflictDoUpdate({ target: recordsSettings.organizationId, set: values }),
    audit.statement({
      action: 'update',
      entityType: 'records_settings',
      detail: { states: input.states, customRules: customRules.length },
    }),
  ]);
  return getRecordsSettings(tenant);
}
