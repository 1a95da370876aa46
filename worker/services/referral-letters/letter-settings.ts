import { referralLetterSettings } from '../../../db/schema';
import { DEFAULT_PROGRESS_MONTHS } from '../../../shared/referral-letters';
import type { LetterSettings, LetterSettingsUpdate } from '../../../shared/schemas/referral-letters';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

/** The organisation's letterhead, signature and report interval; defaults from its name until saved. */
export async function letterSettings(tenant: TenantDb, organizationName?: string): Promise<LetterSettings> {
  const [row] = await tenant.select(referralLetterSettings);
  const name = organizationName ?? (await tenant.organization()).name;
  return {
    letterhead: row?.letterhead ?? name,
    signature: row?.signature ?? `Sincerely,\n\nThe team at ${name}`,
    progressEveryMonths: row?.progressEveryMonths ?? DEFAULT_PROGRESS_MONTHS,
  };
}

export async function saveLetterSettings(tenant: TenantDb, audit: AuditLog, input: LetterSettingsUpdate) {
  const next = { ...(await letterSettings(tenant)), ...input };
  const row = { ...next, updatedAt: iso() };
  await tenant.batch([
    tenant
      .insert(referralLetterSettings, row)
      .onConflictDoUpdate({ target: referralLetterSettings.organizationId, set: row }),
    audit.statement({
      action: 'update',
      entityType: 'referral_letter_settings',
      detail: { fields: Object.keys(input) },
    }),
  ]);
  return next;
}
