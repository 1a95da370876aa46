import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { leads, memberships, users } from '../../../db/schema';
import { type LeadImportMapping, leadColumns } from '../../../shared/import/lead-columns';
import { hasPermission, isRole } from '../../../shared/permissions';
import { MAX_LEAD_IMPORT_BYTES, MAX_LEAD_IMPORT_ROWS } from '../../../shared/schemas/lead-import';
import { AppError } from '../../lib/app-error';
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

/**
 * Rows checked at a time: their duplicates are looked up in one statement per
 * field (one bound parameter, far under D1's 2 MB a value), and their cells
 * are let go once checked, so a 100,000-row list is never held three ways at once.
 */
const ROWS_PER_CHECK = 5000;

export type DuplicateOf = { field: 'email' | 'phone'; existingLeadId?: string; sameAsRow?: number };

/** One row of a lead list as checked, handed to the caller in file order. */
export type CheckedLeadRow = {
  index: number;
  /** File line (counting the header), for the person to find it in their file. */
  line: number;
  raw: RawLeadRow;
  value: CheckedLead | null;
  errors: RowProblem[];
  duplicate: DuplicateOf | null;
};

export type LeadFileShape = {
  source: 'csv' | 'xlsx';
  headers: string[];
  mapping: LeadImportMapping;
  rows: number;
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

/**
 * Leads not merged away whose `column` holds one of `values` (one chunk's, at
 * most ROWS_PER_CHECK): value → lead id, read by `leads_org_email`/`leads_org_phone`.
 */
async function leadsWith(tenant: TenantDb, column: SQLiteColumn, values: string[]) {
  const found = new Map<string, string>();
  if (!values.length) return found;
  const rows = await tenant.selectFields(
    { id: leads.id, value: column },
    leads,
    and(
      isNull(leads.mergedInto),
      sql`${column} IN (SELECT value FROM json_each(${JSON.stringify([...new Set(values)])}))`,
    ) as SQL,
  );
  for (const r of rows) if (typeof r.value === 'string' && !found.has(r.value)) found.set(r.value, r.id);
  return found;
}

/** The first row of the file with each email and phone, across its chunks. */
type EarlierRows = { email: Map<string, number>; phone: Map<string, number> };

/**
 * Each row's likely duplicate: a lead already there with the same email or
 * phone, or an earlier row of the file with one of them (the first row of a
 * pair is imported, the later ones are the duplicates). `first` is the index
 * of `checked[0]` in the file.
 */
async function findDuplicates(
  tenant: TenantDb,
  checked: (CheckedLead | null)[],
  first: number,
  earlier: EarlierRows,
) {
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
  return checked.map((c, k): DuplicateOf | null => {
    if (!c) return null;
    const email = c.email ? byEmail.get(c.email) : undefined;
    if (email) return { field: 'email', existingLeadId: email };
    const phone = c.phoneKey ? byPhone.get(c.phoneKey) : undefined;
    if (phone) return { field: 'phone', existingLeadId: phone };
    const earlierEmail = c.email ? earlier.email.get(c.email) : undefined;
    const earlierPhone = c.phoneKey ? earlier.phone.get(c.phoneKey) : undefined;
    if (c.email && earlierEmail === undefined) earlier.email.set(c.email, first + k);
    if (c.phoneKey && earlierPhone === undefined) earlier.phone.set(c.phoneKey, first + k);
    if (earlierEmail !== undefined) return { field: 'email', sameAsRow: earlierEmail };
    if (earlierPhone !== undefined) return { field: 'phone', sameAsRow: earlierPhone };
    return null;
  });
}

/** The rows under the header, with the table itself let go (only the body stays referenced). */
async function readLeadTable(file: Blob, mapping: LeadImportMapping | undefined) {
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
  return { source: table.source, ...under };
}

/**
 * Reads a lead list (CSV or XLSX) and checks every row and its duplicates,
 * writing nothing: each row goes to `visit` in file order, a chunk at a
 * time, and is then let go, so memory holds only what the caller keeps.
 */
export async function checkLeadFile(
  tenant: TenantDb,
  auth: Pick<AuthContext, 'permissions'>,
  file: Blob,
  mapping: LeadImportMapping | undefined,
  visit: (row: CheckedLeadRow) => void,
): Promise<LeadFileShape> {
  const under = await readLeadTable(file, mapping);
  const { body } = under;
  const rows = body.length;
  if (rows === 0)
    throw new AppError('validation_failed', 'The list has no lead rows', [{ path: 'file', issue: 'empty' }]);
  if (rows > MAX_LEAD_IMPORT_ROWS)
    throw new AppError(
      'payload_too_large',
      `This list has ${rows.toLocaleString('en-US')} rows; import at most ${MAX_LEAD_IMPORT_ROWS.toLocaleString('en-US')} at once`,
    );
  const lookups = await importLookups(tenant, auth);
  const today = new Date();
  const earlier: EarlierRows = { email: new Map(), phone: new Map() };
  for (let first = 0; body.length > 0; first += ROWS_PER_CHECK) {
    const raw = body.splice(0, ROWS_PER_CHECK).map((cells) => cellsToFields(cells, under.mapping));
    const checked = raw.map((r) => checkLeadRow(r, lookups, today));
    const duplicates = await findDuplicates(
      tenant,
      checked.map((c) => c.value),
      first,
      earlier,
    );
    raw.forEach((r, k) => {
      visit({
        index: first + k,
        line: under.firstLine + first + k,
        raw: r,
        ...checked[k]!,
        duplicate: duplicates[k]!,
      });
    });
  }
  return { source: under.source, headers: under.headers, mapping: under.mapping, rows };
}
