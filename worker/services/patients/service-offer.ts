import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { SelectedFields, SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { facilities, patientServices, patients, services } from '../../../db/schema';
import { CATEGORY_LABELS, type ServiceCategory } from '../../../shared/facility-terms';
import { AppError } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * What a facility offers (ARCHITECTURE.md, "Services a facility offers"): the
 * active services of the categories the organisation chose for it. A facility
 * with no categories chosen offers nothing yet.
 */
export type OfferingFacility = { name: string; serviceCategories: string[] };

const categoryList = (categories: readonly string[]) =>
  categories.map((c) => CATEGORY_LABELS[c as ServiceCategory] ?? c).join(', ');

const counts = {
  patients: sql<number>`count(distinct ${patients.id})`,
  services: sql<number>`count(*)`,
};

/** A service in one of the joined facility's categories (the facility joined on the patient's home). */
export const inFacilityCategories = sql`${services.category} in (select value from json_each(${facilities.serviceCategories}))`;

export const NO_CATEGORIES_YET = "Choose this facility's service categories first";

/** 409 unless every service given is in one of the facility's categories. */
export function assertServicesOffered(
  facility: OfferingFacility,
  chosen: readonly { name: string; category: string }[],
) {
  const outside = chosen.filter((s) => !facility.serviceCategories.includes(s.category));
  if (outside.length === 0) return;
  if (facility.serviceCategories.length === 0)
    throw new AppError(
      'conflict',
      `${facility.name} has no service categories yet: ${NO_CATEGORIES_YET.toLowerCase()}`,
    );
  const names = outside.map((s) => `${s.name} (${CATEGORY_LABELS[s.category as ServiceCategory]})`);
  throw new AppError(
    'conflict',
    `${names.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside ${facility.name}'s service categories (${categoryList(facility.serviceCategories)})`,
    outside.map((s) => ({ path: 'serviceIds', issue: `${s.name} is a ${s.category} service` })),
  );
}

/** "All services" for a facility with nothing to offer is refused, with the same pointer. */
export function assertAllServicesOffered(facility: OfferingFacility) {
  if (facility.serviceCategories.length === 0)
    throw new AppError(
      'conflict',
      `${facility.name} has no service categories yet: ${NO_CATEGORIES_YET.toLowerCase()}`,
    );
}

/**
 * 409 when a category the facility is losing still holds services chosen one
 * by one for its current patients: they would keep services it no longer
 * offers. ("All services" simply shrinks with the categories.)
 */
export async function assertCategoriesFree(
  tenant: TenantDb,
  facility: OfferingFacility & { id: string },
  next: readonly string[],
) {
  const dropped = facility.serviceCategories.filter((c) => !next.includes(c));
  if (dropped.length === 0) return;
  const [held] = await tenant.join(
    { count: counts.patients },
    patientServices,
    [
      { table: patients, on: eq(patients.id, patientServices.patientId) },
      { table: services, on: eq(services.id, patientServices.serviceId) },
    ],
    and(
      eq(patients.facilityId, facility.id),
      eq(patients.fullPackage, false),
      ne(patients.enrollmentStatus, 'completed'),
      inArray(services.category, dropped),
    ),
  );
  const count = held?.count ?? 0;
  if (count > 0)
    throw new AppError(
      'conflict',
      `${count} ${count === 1 ? 'patient' : 'patients'} of ${facility.name} ${count === 1 ? 'has' : 'have'} ${categoryList(dropped)} services: change their services before removing the category`,
    );
}

/**
 * Patients and selected services, grouped by `keys` (columns of `patients` and
 * `services.category`), from both kinds of selection: services chosen one by
 * one, and "all services", which is every active service in the facility's
 * categories at the time of reading, so a service added later counts at once.
 * A patient is in exactly one of the two reads, so their counts add up.
 * A service chosen one by one before the facility's categories were enforced,
 * outside them, is not demand the facility can be served for: it is left out
 * here and listed for clean-up (facilities/outside-categories.ts).
 */
export async function countSelections<K extends SelectedFields>(
  tenant: TenantDb,
  keys: K,
  groupBy: (SQLiteColumn | SQL)[],
  where?: SQL,
) {
  const fields = { ...keys, ...counts };
  const oneByOne = await tenant
    .join(
      fields,
      patientServices,
      [
        { table: patients, on: eq(patients.id, patientServices.patientId) },
        { table: services, on: eq(services.id, patientServices.serviceId) },
        { table: facilities, on: eq(facilities.id, patients.facilityId) },
      ],
      and(eq(patients.fullPackage, false), inFacilityCategories, where),
    )
    .groupBy(...groupBy);
  const allOfThem = await tenant
    .join(
      fields,
      patients,
      [
        { table: facilities, on: eq(facilities.id, patients.facilityId) },
        {
          table: services,
          on: and(eq(services.active, true), inFacilityCategories) as SQL,
        },
      ],
      and(eq(patients.fullPackage, true), where),
    )
    .groupBy(...groupBy);
  return [...oneByOne, ...allOfThem];
}
