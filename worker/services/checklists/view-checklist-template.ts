import { checklistTemplates } from '../../../db/schema';
import type { ChecklistTemplate } from '../../../shared/schemas/checklists';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { getVisibleFacilityRow } from '../facilities/facility-access';
import { effectiveTemplate, type ItemKind, type ItemStage, templateItems } from './templates';

/** A template with its items, as the editor shows it (and after an edit, how many patients it changed). */
export async function checklistTemplateView(
  tenant: TenantDb,
  id: string,
  patientsUpdated?: number,
): Promise<ChecklistTemplate> {
  const template = await tenant.get(checklistTemplates, id, 'Checklist template');
  const items = await templateItems(tenant, id, 'all');
  return {
    id: template.id,
    facilityId: template.facilityId,
    name: template.name,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      kind: i.kind as ItemKind,
      required: i.required,
      intakeTemplateId: i.intakeTemplateId,
      appliesOn: i.appliesOn as ItemStage,
    })),
    ...(patientsUpdated === undefined ? {} : { patientsUpdated }),
  };
}

/** The template that applies to a facility the member can see: its own, or the organisation's. */
export async function facilityChecklistTemplate(tenant: TenantDb, auth: AuthContext, facilityId: string) {
  await getVisibleFacilityRow(tenant, auth, facilityId);
  return checklistTemplateView(tenant, (await effectiveTemplate(tenant, facilityId)).id);
}
