import { and, desc, eq } from 'drizzle-orm';
import { cases, facilities, patients } from '../../../db/schema';
import type { Case, CaseUpsertItem } from '../../../shared/schemas/cases';
import { notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { countByFacility, syncStatements } from './booking-syncs';
import { caseParameterSql } from './case-parameters';
import { idsByKey, refuseMissing, refuseRepeatedExternalIds, takeIncoming } from './sync-lookups';

/** A case with its parameters as of `now`. */
function caseFields(now: string) {
  return {
    id: cases.id,
    externalId: cases.externalId,
    patientId: cases.patientId,
    facilityId: cases.facilityId,
    name: cases.name,
    status: cases.status,
    issueDate: cases.issueDate,
    expiryDate: cases.expiryDate,
    maxSessions: cases.maxSessions,
    invoiceableCents: cases.invoiceableCents,
    createdAt: cases.createdAt,
    updatedAt: cases.updatedAt,
    ...caseParameterSql(now),
  };
}

type CaseRow = Awaited<ReturnType<typeof selectCases>>[number];
const selectCases = (tenant: TenantDb, now: string, where: ReturnType<typeof and>) =>
  tenant.selectFields(caseFields(now), cases, and(where, tenant.facilityFilter(cases.facilityId)));

const toCase = (r: CaseRow): Case => ({
  ...r,
  status: r.status as Case['status'],
  sessionsDone: r.sessionsDone ?? 0,
  sessionsBooked: r.sessionsBooked ?? 0,
  totalInvoicedCents: r.totalInvoicedCents ?? 0,
});

export async function listCases(
  tenant: TenantDb,
  audit: AuditLog,
  query: { patientId?: string; limit: number; cursor?: string },
  now = iso(),
) {
  const rows = await selectCases(
    tenant,
    now,
    and(
      query.patientId ? eq(cases.patientId, query.patientId) : undefined,
      afterCursor(cases.createdAt, cases.id, decodeCursor(query.cursor)),
    ),
  )
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit);
  audit.record({
    action: 'list',
    entityType: 'case',
    detail: { count: page.items.length, caseIds: page.items.map((c) => c.id) },
  });
  return { items: page.items.map(toCase), nextCursor: page.nextCursor };
}

export async function getCase(tenant: TenantDb, audit: AuditLog, id: string, now = iso()) {
  const [row] = await selectCases(tenant, now, eq(cases.id, id)).limit(1);
  if (!row) throw notFound('Case');
  audit.record({ action: 'read', entityType: 'case', entityId: id });
  return toCase(row);
}

const CASE_SYNCED_FIELDS = [
  'patientId',
  'facilityId',
  'name',
  'status',
  'issueDate',
  'expiryDate',
  'maxSessions',
  'invoiceableCents',
  'updatedAt',
] as const;

/**
 * The statements that write cases by the booking system's id: a new id
 * inserts, a known one updates in place (the case keeps its id), so repeating
 * a sync changes nothing. The caller batches them with the audit event.
 */
export async function planCaseUpsert(tenant: TenantDb, items: readonly CaseUpsertItem[]) {
  refuseRepeatedExternalIds(items);
  const [patientIds, facilityIds, existing] = await Promise.all([
    idsByKey(
      tenant,
      patients,
      patients.id,
      patients.id,
      items.map((i) => i.patientId),
      tenant.facilityFilter(patients.facilityId),
    ),
    idsByKey(
      tenant,
      facilities,
      facilities.id,
      facilities.id,
      items.map((i) => i.facilityId),
      tenant.facilityFilter(facilities.id),
    ),
    idsByKey(
      tenant,
      cases,
      cases.externalId,
      cases.id,
      items.map((i) => i.externalId),
    ),
  ]);
  refuseMissing(items, 'patientId', patientIds, 'patient');
  refuseMissing(items, 'facilityId', facilityIds, 'facility');
  const now = iso();
  const rows = items.map((item) => ({
    id: existing.get(item.externalId) ?? newId('cas'),
    externalId: item.externalId,
    patientId: item.patientId,
    facilityId: item.facilityId,
    name: item.name,
    status: item.status,
    issueDate: item.issueDate ?? null,
    expiryDate: item.expiryDate ?? null,
    maxSessions: item.maxSessions ?? null,
    invoiceableCents: item.invoiceableCents ?? null,
    createdAt: now,
    updatedAt: now,
  }));
  const inserted = rows.filter((r) => !existing.has(r.externalId)).length;
  return {
    statements: tenant.insertMany(cases, rows).map((s) =>
      s.onConflictDoUpdate({
        target: [cases.organizationId, cases.externalId],
        set: takeIncoming(CASE_SYNCED_FIELDS),
      }),
    ),
    counts: { inserted, updated: rows.length - inserted },
    caseIdByExternalId: new Map(rows.map((r) => [r.externalId, r.id])),
  };
}

/** Cases by external id through the API: rows, the locations' sync times and the audit event in one batch. */
export async function upsertCases(tenant: TenantDb, audit: AuditLog, items: readonly CaseUpsertItem[]) {
  const plan = await planCaseUpsert(tenant, items);
  await tenant.batch([
    ...plan.statements,
    ...syncStatements(tenant, 'api', countByFacility(items, 'cases')),
    audit.statement({
      action: 'update',
      entityType: 'case',
      detail: { via: 'api', ...plan.counts, caseIds: [...plan.caseIdByExternalId.values()] },
    }),
  ]);
  return plan.counts;
}
