import { and, eq } from 'drizzle-orm';
import { checklistTemplates, patients } from '../../../db/schema';
import type { TemplateChangePreviewInput, TemplatePreview } from '../../../shared/schemas/checklists';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { getVisibleFacilityRow, visibleFacility } from '../facilities/facility-access';
import { changeTemplate, previewTemplateChange, type TemplateChange } from './change-template';
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

/**
 * A template the member may shape, or 404/403: a facility's own checklist
 * when the facility is visible to them (a facility administrator's are theirs),
 * the organisation's only with `patients:full`.
 */
async function editableTemplate(tenant: TenantDb, auth: AuthContext, id: string) {
  const template = await tenant.get(checklistTemplates, id, 'Checklist template');
  if (template.facilityId) await visibleFacility(tenant, template.facilityId);
  else if (!auth.permissions.includes('patients:full'))
    throw new AppError(
      'forbidden',
      "The organisation's checklist is kept by the organisation: give your facility its own checklist to change it",
    );
  return template;
}

/** Adds, edits, removes or reorders a template's items; answers with the template and how many patients changed. */
export async function editChecklistTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  change: TemplateChange,
) {
  // Another organisation's template, or none, is a 404 before anything changes.
  await editableTemplate(tenant, auth, id);
  const updated = await changeTemplate(tenant, audit, auth, id, change);
  return checklistTemplateView(tenant, id, updated);
}

const PREVIEW_LIST_MAX = 200;

/** Who an edit would reach and how each status would move, before it is saved. */
export async function previewChecklistTemplateChange(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: TemplateChangePreviewInput,
): Promise<TemplatePreview> {
  await editableTemplate(tenant, auth, id);
  const change: TemplateChange =
    input.op === 'add'
      ? { op: 'add', ...input.item }
      : input.op === 'update'
        ? { op: 'update', itemId: input.itemId, ...input.changes }
        : input;
  const plans = await previewTemplateChange(tenant, id, change);
  const moving = plans.filter((p) => p.from !== p.to);
  const listed = [...moving, ...plans.filter((p) => p.from === p.to)].slice(0, PREVIEW_LIST_MAX);
  const activeUntouched = await tenant.count(
    patients,
    and(eq(patients.checklistTemplateId, id), eq(patients.enrollmentStatus, 'active')),
  );
  audit.record({
    action: 'read',
    entityType: 'checklist_template',
    entityId: id,
    detail: { preview: change.op, patientIds: listed.map((p) => p.patient.id) },
  });
  return {
    patientsAffected: plans.length,
    statusChanges: moving.length,
    activeUntouched,
    patients: listed.map((p) => ({
      id: p.patient.id,
      firstName: p.patient.firstName,
      lastName: p.patient.lastName,
      from: p.from,
      to: p.to,
      itemsAdded: p.added.length,
      itemsChanged: p.changed.length,
      itemsRemoved: p.removed.length,
    })),
    truncated: plans.length > listed.length,
  };
}
