import { and, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { facilities, leads, patientNameTokens, patients } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';
import { facilitySignals, leadSignals, type MatchKeys, patientSignals, type Signal } from './ranking';

// Each kind is looked up by its indexed keys only, never by scanning a table.
const ROWS_PER_KIND = 20;
const TOP = '\u{10FFFF}';

export type Found<Row> = { row: Row; signals: Signal[] };

const ranked = <Row>(rows: Row[], signalsOf: (row: Row) => Signal[]): Found<Row>[] =>
  rows.map((row) => ({ row, signals: signalsOf(row) })).filter((f) => f.signals.length > 0);

/** Patients of facilities the caller may see, by record number, name, or last name and birth date. */
export async function patientCandidates(tenant: TenantDb, keys: MatchKeys) {
  const conditions: SQL[] = [];
  if (keys.records.length) {
    const ids = tenant.selectFields(
      { id: patientNameTokens.patientId },
      patientNameTokens,
      inArray(
        patientNameTokens.token,
        keys.records.map((r) => `#${r}`),
      ),
    );
    conditions.push(inArray(patients.id, ids));
  }
  if (keys.name) conditions.push(eq(patients.nameKey, keys.name));
  if (keys.lastName && keys.dateOfBirth)
    conditions.push(
      and(
        gte(patients.nameKey, `${keys.lastName}|`),
        lt(patients.nameKey, `${keys.lastName}|${TOP}`),
        eq(patients.dateOfBirth, keys.dateOfBirth),
      ) as SQL,
    );
  if (!conditions.length) return [];
  const rows = await tenant
    .select(patients, and(or(...conditions), tenant.facilityFilter(patients.facilityId)))
    .limit(ROWS_PER_KIND);
  const facilityNames = await namesOf(
    tenant,
    rows.map((r) => r.facilityId),
  );
  return ranked(
    rows.map((r) => ({ ...r, facilityName: facilityNames.get(r.facilityId) ?? '' })),
    (r) => patientSignals(keys, r),
  );
}

async function namesOf(tenant: TenantDb, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, string>();
  const rows = await tenant.selectFields(
    { id: facilities.id, name: facilities.name },
    facilities,
    inArray(facilities.id, unique),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Open and closed leads (not merged away) by email, phone or name. */
export async function leadCandidates(tenant: TenantDb, keys: MatchKeys) {
  const conditions: SQL[] = [];
  if (keys.email) conditions.push(eq(leads.email, keys.email));
  if (keys.phone) conditions.push(eq(leads.phoneKey, keys.phone));
  if (keys.name) conditions.push(eq(leads.nameKey, keys.name));
  if (!conditions.length) return [];
  const rows = await tenant
    .select(leads, and(or(...conditions), isNull(leads.mergedInto)))
    .limit(ROWS_PER_KIND);
  return ranked(rows, (r) => leadSignals(keys, r));
}

/** Facilities the caller may see, by name or by postal code (then street and phone are compared). */
export async function facilityCandidates(tenant: TenantDb, keys: MatchKeys) {
  const conditions: SQL[] = [];
  if (keys.facilityName) conditions.push(eq(facilities.nameKey, keys.facilityName));
  if (keys.postalCode && keys.street) conditions.push(eq(facilities.postalCode, keys.postalCode));
  if (!conditions.length) return [];
  const rows = await tenant
    .select(facilities, and(or(...conditions), tenant.facilityFilter(facilities.id)))
    .limit(ROWS_PER_KIND);
  return ranked(rows, (r) => facilitySignals(keys, r));
}
