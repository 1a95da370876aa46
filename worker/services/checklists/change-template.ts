import { eq } from 'drizzle-orm';
import { checklistTemplateItems, intakeTemplates } from '../../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { propagateTemplate } from './patient-checklist';
import type { ItemKind } from './templates';

/** Template edits by administrators, each followed by reshaping the checklists it governs. */
export async function changeTemplate(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  templateId: string,
  change:
    | {
        op: 'add';
        title: string;
        description?: string;
        kind: ItemKind;
        required: boolean;
        intakeTemplateId?: string;
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
    | { op: 'reorder'; itemIds: string[] },
) {
  const now = iso();
  const existing = await tenant.select(
    checklistTemplateItems,
    eq(checklistTemplateItems.templateId, templateId),
  );
  const item = 'itemId' in change ? existing.find((i) => i.id === change.itemId && !i.removedAt) : undefined;
  if ('itemId' in change && !item) throw notFound('Checklist item');
  if ('intakeTemplateId' in change && change.intakeTemplateId) {
    const [form] = await tenant.select(intakeTemplates, eq(intakeTemplates.id, change.intakeTemplateId));
    if (!form)
      throw new AppError('validation_failed', 'That intake form does not exist', [
        { path: 'intakeTemplateId', issue: 'unknown intake template' },
      ]);
  }
  if (change.op === 'add') {
    await tenant.batch([
      tenant.insert(checklistTemplateItems, {
        id: newId('cli'),
        templateId,
        title: change.title,
        description: change.description ?? null,
        kind: change.kind,
        required: change.required,
        intakeTemplateId: change.intakeTemplateId ?? null,
        sortOrder: Math.max(-1, ...existing.map((i) => i.sortOrder)) + 1,
        createdAt: now,
      }),
    ]);
  } else if (change.op === 'update') {
    const { op: _op, itemId, ...set } = change;
    await tenant.batch([tenant.update(checklistTemplateItems, set, eq(checklistTemplateItems.id, itemId))]);
  } else if (change.op === 'remove') {
    await tenant.batch([
      tenant.update(checklistTemplateItems, { removedAt: now }, eq(checklistTemplateItems.id, change.itemId)),
    ]);
  } else {
    const live = existing.filter((i) => !i.removedAt);
    if (change.itemIds.length !== live.length || !live.every((i) => change.itemIds.includes(i.id))) {
      throw new AppError('validation_failed', 'Send every item of the checklist, in the new order', [
        { path: 'itemIds', issue: 'must list each item once' },
      ]);
    }
    const statements = change.itemIds.map((id, i) =>
      tenant.update(checklistTemplateItems, { sortOrder: i }, eq(checklistTemplateItems.id, id)),
    );
    await tenant.batch(statements);
  }
  audit.record({
    action: 'update',
    entityType: 'checklist_template',
    entityId: templateId,
    detail: { op: change.op },
  });
  return propagateTemplate(tenant, audit, templateId, auth.userId);
}
