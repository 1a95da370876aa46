import { and, asc, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import { facilities, patientServices, patients, services } from '../../../db/schema';
import type { ServiceCategory } from '../../../shared/facility-terms';
import {
  OUTSIDE_CATEGORIES_SHOWN,
  type OutsideCategoryList,
  type RemoveOutsideCategory,
} from '../../../shared/schemas/outside-categories';
import type { AuditLog } from '../../lib/audit-log';
import { chunk } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { inFacilityCategories } from '../patients/service-offer';

/**
 * Pairs a statement carries: each binds a patient id and a pair key, and the
 * organisation and facility scopes of the four joined tables need a few more.
 */
const PAIRS_PER_STATEMENT = 40;

/** Patient and service as one value, so a list of pairs is one `IN (…)` of single parameters. */
const pairKey = sql<string>`${patientServices.patientId} || ' ' || ${patientServices.serviceId}`;

/** Services chosen one by one outside the patient's facility's categories, for the facilities the member sees. */
function outside(tenant: TenantDb, where?: SQL) {
  return and(
    eq(patients.fullPackage, false),
    not(inFacilityCategories),
    tenant.facilityFilter(patients.facilityId),
    where,
  );
}

const JOINS = [
  { table: patients, on: eq(patients.id, patientServices.patientId) },
  { table: services, on: eq(services.id, patientServices.serviceId) },
  { table: facilities, on: eq(facilities.id, patients.facilityId) },
];

/**
 * Selections made before a facility's categories were enforced that fall
 * outside them (ARCHITECTURE.md, "Services a facility offers"). Demand leaves
 * them out; operations review them here, by facility and patient, and remove
 * them. The read names patients, so it is audited as a patient list.
 */
export async function listOutsideCategories(
  tenant: TenantDb,
  audit: AuditLog,
  query: { facilityId?: string },
): Promise<OutsideCategoryList> {
  const where = outside(tenant, query.facilityId ? eq(patients.facilityId, query.facilityId) : undefined);
  const [counted] = await tenant.join({ total: sql<number>`count(*)` }, patientServices, JOINS, where);
  const rows = await tenant
    .join(
      {
        patientId: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        facilityId: facilities.id,
        facilityName: facilities.name,
        serviceId: services.id,
        serviceName: services.name,
        category: services.category,
      },
      patientServices,
      JOINS,
      where,
    )
    .orderBy(asc(facilities.nameKey), asc(patients.nameKey), asc(patients.id), asc(services.name))
    .limit(OUTSIDE_CATEGORIES_SHOWN);
  audit.record({
    action: 'list',
    entityType: 'patient_services',
    detail: { outsideCategories: true, count: rows.length, facilityId: query.facilityId ?? null },
  });
  return {
    total: counted?.total ?? 0,
    items: rows.map((r) => ({
      patientId: r.patientId,
      patientName: `${r.firstName} ${r.lastName}`,
      facilityId: r.facilityId,
      facilityName: r.facilityName,
      serviceId: r.serviceId,
      serviceName: r.serviceName,
      category: r.category as ServiceCategory,
    })),
  };
}

/**
 * Removes the chosen selections that are still outside their facility's
 * categories, and nothing else: an id of another organisation, a selection
 * already removed or one inside the categories is left alone, so a retry
 * answers the same. One audit event per patient, in the same batch.
 */
export async function removeOutsideCategories(
  tenant: TenantDb,
  audit: AuditLog,
  input: RemoveOutsideCategory,
) {
  const wanted = [...new Set(input.selections.map((s) => `${s.patientId} ${s.serviceId}`))];
  const parts = chunk(wanted, PAIRS_PER_STATEMENT);
  const found: { patientId: string; serviceId: string }[] = [];
  for (const part of parts) {
    const patientIds = [...new Set(part.map((k) => k.split(' ')[0] ?? ''))];
    found.push(
      ...(await tenant.join(
        { patientId: patientServices.patientId, serviceId: patientServices.serviceId },
        patientServices,
        JOINS,
        outside(tenant, and(inArray(patientServices.patientId, patientIds), inArray(pairKey, part))),
      )),
    );
  }
  if (!found.length) return { removed: 0 };
  const byPatient = new Map<string, string[]>();
  for (const f of found) byPatient.set(f.patientId, [...(byPatient.get(f.patientId) ?? []), f.serviceId]);
  const keys = found.map((f) => `${f.patientId} ${f.serviceId}`);
  await tenant.batch([
    ...chunk(keys, PAIRS_PER_STATEMENT).map((part) =>
      tenant.delete(
        patientServices,
        and(
          inArray(patientServices.patientId, [...new Set(part.map((k) => k.split(' ')[0] ?? ''))]),
          inArray(pairKey, part),
        ) as SQL,
      ),
    ),
    ...audit.statements(
      [...byPatient].map(([patientId, serviceIds]) => ({
        action: 'update' as const,
        entityType: 'patient_services',
        entityId: patientId,
        detail: { removedOutsideCategories: serviceIds },
      })),
    ),
  ]);
  return { removed: found.length };
}
