import { and, eq } from 'drizzle-orm';
import {
  checklistTemplateItems,
  intakeTemplates,
  patientChecklistItems,
  patientStatusEvents,
  patients,
} from '../../../db/schema';
import { deriveEnrollment, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, toBase64Url } from '../../lib/crypto';
import { readDocument } from '../../lib/file-type';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visiblePatient } from '../patients/patient-access';
import { ensureChecklist, patientItems, propagateTemplate, recomputeStatus } from './patient-checklist';
import type { ItemKind } from './templates';

type ItemRow = typeof patientChecklistItems.$inferSelect;

const toItem = (i: ItemRow) => ({
  id: i.id,
  title: i.title,
  description: i.description,
  kind: i.kind as ItemKind,
  required: i.required,
  done: !!i.doneAt,
  doneAt: i.doneAt,
  doneBy: i.doneBy,
  note: i.note,
  document: i.documentName ? { fileName: i.documentName } : null,
  evidence: i.evidence ?? null,
  removed: !!i.removedAt,
});

/** A patient's checklist with the enrollment it implies (progress, warnings, override). */
export async function patientChecklist(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  patientId: string,
) {
  const patient = await ensureChecklist(tenant, await visiblePatient(tenant, patientId));
  const items = await patientItems(tenant, patientId);
  const enrollment = deriveEnrollment(
    items.map((i) => ({ required: i.required, done: !!i.doneAt, removed: !!i.removedAt })),
    patient,
  );
  audit.record({ action: 'read', entityType: 'patient_checklist', entityId: patientId });
  return {
    patientId,
    items: items.filter((i) => !i.removedAt || i.doneAt).map(toItem),
    enrollment: {
      ...enrollment,
      overrideReason: enrollment.overridden ? patient.statusOverrideReason : null,
    },
  };
}

async function openItem(tenant: TenantDb, _auth: AuthContext, patientId: string, itemId: string) {
  await ensureChecklist(tenant, await visiblePatient(tenant, patientId));
  const [item] = await tenant.select(
    patientChecklistItems,
    and(eq(patientChecklistItems.id, itemId), eq(patientChecklistItems.patientId, patientId)),
  );
  if (!item || item.removedAt) throw notFound('Checklist item');
  return item;
}

async function changeItem(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  item: ItemRow,
  set: Partial<typeof patientChecklistItems.$inferInsert>,
  action: string,
) {
  await tenant.batch([
    tenant.update(patientChecklistItems, { ...set, updatedAt: iso() }, eq(patientChecklistItems.id, item.id)),
    audit.statement({
      action: 'update',
      entityType: 'patient_checklist_item',
      entityId: item.id,
      detail: { patientId: item.patientId, change: action },
    }),
  ]);
  await recomputeStatus(tenant, audit, item.patientId, auth.userId, `Checklist: ${item.title} ${action}`);
  return patientChecklist(tenant, audit, auth, item.patientId);
}

/** Marks a task done. A document item is done only by uploading its document. */
export async function completeTask(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
  itemId: string,
  note?: string,
) {
  const item = await openItem(tenant, auth, patientId, itemId);
  if (item.kind === 'document')
    throw new AppError('conflict', `"${item.title}" is done by uploading its document`);
  if (item.doneAt) throw new AppError('conflict', `"${item.title}" is already done`);
  return changeItem(
    tenant,
    audit,
    auth,
    item,
    { doneAt: iso(), doneBy: auth.userId, ...(note ? { note } : {}) },
    'done',
  );
}

export async function setNote(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
  itemId: string,
  note: string,
) {
  const item = await openItem(tenant, auth, patientId, itemId);
  return changeItem(tenant, audit, auth, item, { note: note || null }, 'note');
}

/** Undo: the item is open again; its document stays in storage for the record. */
export async function undoItem(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
  itemId: string,
) {
  const item = await openItem(tenant, auth, patientId, itemId);
  if (!item.doneAt) throw new AppError('conflict', `"${item.title}" is not done`);
  return changeItem(tenant, audit, auth, item, { doneAt: null, doneBy: null }, 'reopened');
}

/** Stores the item's document in R2 (type checked from the bytes) and marks the item done. */
export async function uploadItemDocument(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  bucket: R2Bucket,
  patientId: string,
  itemId: string,
  file: File,
) {
  const item = await openItem(tenant, auth, patientId, itemId);
  if (item.kind !== 'document')
    throw new AppError('conflict', `"${item.title}" is a task; mark it done instead`);
  const { bytes, type } = await readDocument(file);
  const key = `${tenant.organizationId}/patients/${patientId}/checklist/${item.id}/${newId('doc')}`;
  await bucket.put(key, bytes, { httpMetadata: { contentType: type.contentType } });
  return changeItem(
    tenant,
    audit,
    auth,
    item,
    {
      doneAt: iso(),
      doneBy: auth.userId,
      documentKey: key,
      documentName: file.name.split(/[\\/]/).pop()!.slice(0, 150),
    },
    'document uploaded',
  );
}

/**
 * "Attach this page as evidence": the address, title, time and a SHA-256 of
 * the page's text, so what staff saw can be shown and checked later.
 */
export async function attachEvidence(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
  itemId: string,
  page: { url: string; title: string; text: string },
) {
  const item = await openItem(tenant, auth, patientId, itemId);
  const digest = toBase64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(page.text))),
  );
  const evidence = { url: page.url, title: page.title, capturedAt: iso(), textSha256: digest };
  return changeItem(
    tenant,
    audit,
    auth,
    item,
    { evidence, ...(item.doneAt ? {} : { doneAt: iso(), doneBy: auth.userId }) },
    'evidence attached',
  );
}

/**
 * A manual status. Discharge ("completed") needs patients:edit and a reason;
 * any status ahead of the checklist needs the enrollment:override permission
 * and a reason, and shows as an override until the checklist catches up.
 */
export async function setStatus(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  patientId: string,
  input: { status: EnrollmentStatus; reason: string },
) {
  const patient = await ensureChecklist(tenant, await visiblePatient(tenant, patientId));
  const now = iso();
  if (input.status === 'completed') {
    await tenant.batch([
      tenant.update(patients, { completedAt: now, updatedAt: now }, eq(patients.id, patientId)),
      audit.statement({
        action: 'update',
        entityType: 'patient_enrollment',
        entityId: patientId,
        detail: { completed: true },
      }),
    ]);
    await recomputeStatus(tenant, audit, patientId, auth.userId, input.reason);
    return patientChecklist(tenant, audit, auth, patientId);
  }
  const items = await patientItems(tenant, patientId);
  const derived = deriveEnrollment(
    items.map((i) => ({ required: i.required, done: !!i.doneAt, removed: !!i.removedAt })),
    {
      completedAt: null,
    },
  ).derived;
  const ahead = ENROLLMENT_ORDER.indexOf(input.status) > ENROLLMENT_ORDER.indexOf(derived);
  if (ahead && !auth.permissions.includes('enrollment:override')) {
    audit.record({
      action: 'update',
      entityType: 'patient_enrollment',
      entityId: patientId,
      outcome: 'denied',
      detail: { to: input.status },
    });
    throw new AppError(
      'forbidden',
      'Only roles allowed to override enrollment can set a status ahead of the checklist',
    );
  }
  await tenant.batch([
    tenant.update(
      patients,
      {
        completedAt: null,
        statusOverride: ahead ? input.status : null,
        statusOverrideReason: ahead ? input.reason : null,
        updatedAt: now,
      },
      eq(patients.id, patientId),
    ),
    audit.statement({
      action: 'update',
      entityType: 'patient_enrollment',
      entityId: patientId,
      detail: { override: ahead ? input.status : null },
    }),
  ]);
  await recomputeStatus(
    tenant,
    audit,
    patientId,
    auth.userId,
    ahead ? `Override: ${input.reason}` : input.reason,
  );
  return patientChecklist(tenant, audit, auth, patient.id);
}

export async function statusHistory(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  patientId: string,
) {
  await visiblePatient(tenant, patientId);
  const rows = await tenant
    .select(patientStatusEvents, eq(patientStatusEvents.patientId, patientId))
    .orderBy(patientStatusEvents.createdAt);
  audit.record({ action: 'read', entityType: 'patient_status_history', entityId: patientId });
  return rows.map((r) => ({
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    reason: r.reason,
    changedBy: r.changedBy,
    createdAt: r.createdAt,
  }));
}

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
