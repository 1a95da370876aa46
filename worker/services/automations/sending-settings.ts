import { automationSettings } from '../../../db/schema';
import type {
  AutomationSettings,
  AutomationSettingsUpdate,
} from '../../../shared/schemas/automation-settings';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

/** Until an administrator sets them: US Eastern time, nothing from 21:00 to 08:00, three a day. */
export const DEFAULT_SETTINGS: AutomationSettingsUpdate = {
  timeZone: 'America/New_York',
  quietStartMinute: 21 * 60,
  quietEndMinute: 8 * 60,
  dailyCap: 3,
};

export async function getSendingSettings(tenant: TenantDb): Promise<AutomationSettings> {
  const [row] = await tenant.select(automationSettings).limit(1);
  if (!row) return { ...DEFAULT_SETTINGS, updatedAt: null };
  return {
    timeZone: row.timeZone,
    quietStartMinute: row.quietStartMinute,
    quietEndMinute: row.quietEndMinute,
    dailyCap: row.dailyCap,
    updatedAt: row.updatedAt,
  };
}

export async function updateSendingSettings(
  tenant: TenantDb,
  audit: AuditLog,
  settings: AutomationSettingsUpdate,
) {
  const updatedAt = iso();
  await tenant.batch([
    tenant
      .insert(automationSettings, { ...settings, updatedAt })
      .onConflictDoUpdate({ target: automationSettings.organizationId, set: { ...settings, updatedAt } }),
    audit.statement({
      action: 'update',
      entityType: 'automation_settings',
      entityId: tenant.organizationId,
      detail: { fields: Object.keys(settings) },
    }),
  ]);
  return getSendingSettings(tenant);
}
