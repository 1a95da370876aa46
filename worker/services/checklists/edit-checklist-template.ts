import { checklistTemplates } from '../../../db/schema';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { getVisibleFacilityRow } from '../facilities/facility-access';
import { changeTemplate } from './checklist-actions';
import { overrideForFacility } from './templates';
import { checklistTemplateView } from './view-checklist-template';

/** Gives a facility the member can see its own checklist, starting from the organisation's. */
export async function overrideFacilityChecklist(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  facilityId: string,
) {
  await getVisibleFacilityRow(tenant, auth, facilityId);
  const template = await overrideForFacility(tenant, facilityId);
  audit.record({
    action: 'create',
    entityType: 'checklist_template',
    entityId: template.id,
    detail: { facilityId },
  });
  return checklistTemplateView(tenant, template.id);
}

/** Adds, edits, removes or reorders a template's items; answers with the template and how many patients changed. */
export async function editChecklistTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  change: Parameters<typeof changeTemplate>[4],
) {
  // Another organisation's template, or none, is a 404 before anything changes.
  await tenant.get(checklistTemplates, id, 'Checklist template');
  const updated = await changeTemplate(tenant, audit, auth, id, change);
  return checklistTemplateView(tenant, id, updated);
}
