import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { checklistTemplateItems, checklistTemplates, intakeTemplates } from '../../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { planStatements, planTemplateChange, type WantedItem } from './template-propagation';
import type { ItemKind, ItemStage } from './templates';

export type TemplateChange =
  | {
      op: 'add';
      title: string;
      description?: string;
      kind: ItemKind;
      required: boolean;
      intakeTemplateId?: string;
      appliesOn?: ItemStage;
    }
  | {
      op: 'update';
      itemId: string;
      title?: string;
      description?: string | null;
      kind?: ItemKind;
      required?: boolean;
      intakeTemplateId?: string | null;
    }
  | { op: 'remove'; itemId: string }
  | { op: 'reorder'; itemIds: string[] };

type TemplateItemRow = typeof checklistTemplateItems.$inferSelect;

/**
 * The template's items as they will be after `change`, and the statements
 * that save it; nothing is written, so the preview and the edit share it.
 */
async function templateAfter(tenant: TenantDb, templateId: string, change: TemplateChange) {
  const now = iso();
  const existing = await tenant.select(
    checklistTemplateItems,
    eq(checklistTemplateItems.templateId, templateId),
  );
  const live = existing.filter((i) => !i.removedAt);
  const item = 'itemId' in change ? live.find((i) => i.id === change.itemId) : undefined;
  if ('itemId' in change && !item) throw notFound('Checklist item');
  if ('intakeTemplateId' in change && change.intakeTemplateId) {
    const [form] = await tenant.select(intakeTemplates, eq(intakeTemplates.id, change.intakeTemplateId));
    if (!form)
      throw new AppError('validation_failed', 'That intake form does not exist', [
        { path: 'intakeTemplateId', issue: 'unknown intake template' },
      ]);
  }
  let after: TemplateItemRow[] = live;
  const statements: BatchItem<'sqlite'>[] = [];
  if (change.op === 'add') {
    const row = {
      id: newId('cli'),
      organizationId: tenant.organizationId,
      templateId,
      title: change.title,
      description: change.description ?? null,
      kind: change.kind,
      required: change.required,
      intakeTemplateId: change.intakeTemplateId ?? null,
      appliesOn: change.appliesOn ?? 'enrollment',
      sortOrder: Math.max(-1, ...existing.map((i) => i.sortOrder)) + 1,
      removedAt: null,
      createdAt: now,
    };
    after = [...live, row];
    const { organizationId: _org, ...values } = row;
    statements.push(tenant.insert(checklistTemplateItems, values));
  } else if (change.op === 'update') {
    const { op: _op, itemId, ...set } = change;
    after = live.map((i) => (i.id === itemId ? { ...i, ...set } : i));
    statements.push(tenant.update(checklistTemplateItems, set, eq(checklistTemplateItems.id, itemId)));
  } else if (change.op === 'remove') {
    after = live.filter((i) => i.id !== change.itemId);
    statements.push(
      tenant.update(checklistTemplateItems, { removedAt: now }, eq(checklistTemplateItems.id, change.itemId)),
    );
  } else {
    if (change.itemIds.length !== live.length || !live.every((i) => change.itemIds.includes(i.id))) {
      throw new AppError('validation_failed', 'Send every item of the checklist, in the new order', [
        { path: 'itemIds', issue: 'must list each item once' },
      ]);
    }
    const order = new Map(change.itemIds.map((id, i) => [id, i]));
    after = live.map((i) => ({ ...i, sortOrder: order.get(i.id)! }));
    statements.push(
      ...change.itemIds.map((id, i) =>
        tenant.update(checklistTemplateItems, { sortOrder: i }, eq(checklistTemplateItems.id, id)),
      ),
    );
  }
  statements.push(
    tenant.update(checklistTemplates, { updatedAt: now }, eq(checklistTemplates.id, templateId)),
  );
  // Discharge tasks join a checklist only when the patient is discharged: edits never reach checklists with them.
  const wanted: WantedItem[] = after
    .filter((i) => i.appliesOn === 'enrollment')
    .map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      kind: i.kind,
      required: i.required,
      sortOrder: i.sortOrder,
    }));
  return { wanted, statements };
}

/** Who a change would reach and how each one's enrollment status would move; writes nothing. */
export async function previewTemplateChange(tenant: TenantDb, templateId: string, change: TemplateChange) {
  const { wanted } = await templateAfter(tenant, templateId, change);
  return (await planTemplateChange(tenant, templateId, wanted)).plans;
}

/**
 * A template edit and its effect on every patient the template governs, in
 * one batch: the template, every checklist reshaped, the statuses that follow
 * and their history land together or not at all.
 */
export async function changeTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  templateId: string,
  change: TemplateChange,
) {
  const { wanted, statements } = await templateAfter(tenant, templateId, change);
  const { governed, plans } = await planTemplateChange(tenant, templateId, wanted);
  await tenant.batch([
    ...statements,
    ...(await planStatements(tenant, audit, plans, wanted, auth.userId)),
    audit.statement({
      action: 'update',
      entityType: 'checklist_template',
      entityId: templateId,
      detail: { op: change.op, patientsReached: governed, patientsChanged: plans.length },
    }),
  ]);
  return governed;
}
