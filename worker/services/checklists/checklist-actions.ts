import { and, eq } from 'drizzle-orm';
import { patientChecklistItems } from '../../../db/schema';
import { deriveEnrollment } from '../../../shared/enrollment';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId, toBase64Url } from '../../lib/crypto';
import { readDocument } from '../../lib/file-type';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visiblePatient } from '../patients/patient-access';
import { ensureChecklist, patientItems, recomputeStatus } from './patient-checklist';
import type { ItemKind } from './templates';

export type ItemRow = typeof patientChecklistItems.$inferSelect;

export const toItem = (i: ItemRow) => ({
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

export async function openItem(tenant: TenantDb, _auth: AuthContext, patientId: string, itemId: string) {
  await ensureChecklist(tenant, await visiblePatient(tenant, patientId));
  const [item] = await tenant.select(
    patientChecklistItems,
    and(eq(patientChecklistItems.id, itemId), eq(patientChecklistItems.patientId, patientId)),
  );
  if (!item || item.removedAt) throw notFound('Checklist item');
  return item;
}

export async function changeItem(
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
