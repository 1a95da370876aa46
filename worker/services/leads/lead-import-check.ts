import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { leads, memberships, users } from '../../../db/schema';
import { type LeadImportMapping, leadColumns } from '../../../shared/import/lead-columns';
import { hasPermission, isRole } from '../../../shared/permissions';
import { MAX_LEAD_IMPORT_BYTES, MAX_LEAD_IMPORT_ROWS } from '../../../shared/schemas/lead-import';
import { AppError } from '../../lib/app-error';
import { chunk } from '../../lib/d1-limits';
import { cellsToFields, underHeaderRow } from '../../lib/import-table';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { readRosterFile } from '../patients/read-roster-file';
import {
  type CheckedLead,
  checkLeadRow,
  type LeadImportLookups,
  type RawLeadRow,
  type RowProblem,
} from './lead-import-rows';
import { listSources, listStages } from './pipeline';

/** Values one `IN (SELECT value FROM json_each(?))` carries: one bound parameter, far under D1's 2 MB a value. */
const VALUES_PER_LOOKUP = 5000;

export type DuplicateOf = { field: 'email' | 'phone'; existingLeadId?: string; sameAsRow?: number };

export type CheckedLeadFile = {
  source: 'csv' | 'xlsx';
  headers: string[];
  mapping: LeadImportMapping;
  /** File line of each row (counting the header), for the person to find it in their file. */
  lines: number[];
  raw: RawLeadRow[];
  checked: { value: CheckedLead | null; errors: RowProblem[] }[];
  duplicates: (DuplicateOf | null)[];
};

async function importLookups(
  tenant: TenantDb,
  auth: Pick<AuthContext, 'permissions'>,
): Promise<LeadImportLookups> {
  const [sources, stages, members] = await Promise.all([
    listSources(tenant),
    listStages(tenant),
    tenant.join(
      { id: memberships.id, role: memberships.role, name: users.name, email: users.email },
      memberships,
      [{ table: users, on: eq(users.id, memberships.userId) }],
      eq(memberships.status, 'active'),
    ),
  ]);
  const coordinators = new Map<string, string>();
  for (const m of members)
    if (isRole(m.role) && hasPermission(m.role, 'leads:edit')) {
      coordinators.set(m.email.toLowerCase(), m.id);
      coordinators.set(m.name.toLowerCase(), m.id);
    }
  return {
    sources: new Map(sources.map((s) => [s.name.toLowerCase(), s.id])),
    stages: new Map(stages.map((s) => [s.name.toLowerCase(), s.id])),
    firstStageId: stages[0]!.id,
    coordinators,
    mayAssign: auth.permissions.includes('lead:assign'),
  };
}

/** Leads not merged away whose `column` holds one of `values`: value → lead id, read by `leads_org_email`/`leads_org_phone`. */
async function leadsWith(tenant: TenantDb, column: SQLiteColumn, values: string[]) {
  const found = new Map<string, string>();
  for (const part of chunk([...new Set(values)], VALUES_PER_LOOKUP)) {
    const rows = await tenant.selectFields(
      { id: leads.id, value: column },
      leads,
      and(
        isNull(leads.mergedInto),
        sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(part)}))`,
      ) as SQL,
    );
    for (const r of rows) if (typeof r.value === 'string' && !found.has(r.value)) found.set(r.value, r.id);
  }
  return found;
}

/**
 * Each row's likely duplicate: a lead already there with the same email or
 * phone, or an earlier row of the file with one of them (the first row of a
 * pair is imported, the later ones are the duplicates).
 */
async function findDuplicates(tenant: TenantDb, checked: (CheckedLead | null)[]) {
  const people = checked.filter((c): c is CheckedLead => !!c);
  const [byEmail, byPhone] = await Promise.all([
    leadsWith(
      tenant,
      leads.email,
      people.flatMap((p) => (p.email ? [p.email] : [])),
    ),
    leadsWith(
      tenant,
      leads.phoneKey,
      people.flatMap((p) => (p.phoneKey ? [p.phoneKey] : [])),
    ),
  ]);
  const firstEmail = new Map<string, number>();
  const firstPhone = new Map<string, number>();
  return checked.map((c, i): DuplicateOf | null => {
    if (!c) return null;
    const email = c.email ? byEmail.get(c.email) : undefined;
    if (email) return { field: 'email', existingLeadId: email };
    const phone = c.phoneKey ? byPhone.get(c.phoneKey) : undefined;
    if (phone) return { field: 'phone', existingLeadId: phone };
    const earlierEmail = c.email ? firstEmail.get(c.email) : undefined;
    const earlierPhone = c.phoneKey ? firstPhone.get(c.phoneKey) : undefined;
    if (c.email && earlierEmail === undefined) firstEmail.set(c.email, i);
    if (c.phoneKey && earlierPhone === undefined) firstPhone.set(c.phoneKey, i);
    if (earlierEmail !== undefined) return { field: 'email', sameAsRow: earlierEmail };
    if (earlierPhone !== undefined) return { field: 'phone', sameAsRow: earlierPhone };
    return null;
  });
}

/** Reads a lead list (CSV or XLSX) and checks every row and its duplicates, writing nothing. */
export async function checkLeadFile(
  tenant: TenantDb,
  auth: Pick<AuthContext, 'permissions'>,
  file: File,
  mapping?: LeadImportMapping,
): Promise<CheckedLeadFile> {
  const table = await readRosterFile(file, {
    bytes: MAX_LEAD_IMPORT_BYTES,
    message: 'Lead lists can be at most 20 MB',
  });
  const under = underHeaderRow(
    table.rows,
    leadColumns,
    mapping,
    'No header row was found. The list needs column titles such as Name, Email and Phone.',
  );
  if (under.body.length === 0)
    throw new AppError('validation_failed', 'The list has no lead rows', [{ path: 'file', issue: 'empty' }]);
  if (under.body.length > MAX_LEAD_IMPORT_ROWS)
    throw new AppError(
      'payload_too_large',
      `This list has ${under.body.length.toLocaleString('en-US')} rows; import at most ${MAX_LEAD_IMPORT_ROWS.toLocaleString('en-US')} at once`,
    );
  const lookups = await importLookups(tenant, auth);
  const today = new Date();
  const raw = under.body.map((cells) => cellsToFields(cells, under.mapping));
  const checked = raw.map((r) => checkLeadRow(r, lookups, today));
  return {
    source: table.source,
    headers: under.headers,
    mapping: under.mapping,
    lines: raw.map((_, i) => under.firstLine + i),
    raw,
    checked,
    duplicates: await findDuplicates(
      tenant,
      checked.map((c) => c.value),
    ),
  };
}
