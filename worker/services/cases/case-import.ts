import {
  type CaseImportColumn,
  detectCaseColumns,
  findCaseHeaderRow,
  REQUIRED_CASE_IMPORT_COLUMNS,
} from '../../../shared/cases/import-columns';
import {
  type AppointmentUpsertItem,
  appointmentUpsertItemSchema,
  type CaseImportPreview,
  type CaseUpsertItem,
  caseUpsertItemSchema,
  MAX_CASE_IMPORT_ROWS,
} from '../../../shared/schemas/cases';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { planAppointmentUpsert } from './appointments';
import { countByFacility, syncStatements } from './booking-syncs';
import { planCaseUpsert } from './cases';

type Column = CaseImportColumn;

const CASE_COLUMN: Partial<Record<keyof CaseUpsertItem, Column>> = {
  externalId: 'case_id',
  patientId: 'patient_id',
  facilityId: 'location_id',
  name: 'case_name',
  status: 'case_status',
  issueDate: 'issue_date',
  expiryDate: 'expiry_date',
  maxSessions: 'max_sessions',
  invoiceableCents: 'invoiceable_amount',
};
const APPOINTMENT_COLUMN: Partial<Record<keyof AppointmentUpsertItem, Column>> = {
  externalId: 'appointment_id',
  patientId: 'patient_id',
  caseExternalId: 'case_id',
  facilityId: 'location_id',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  type: 'appointment_type',
  status: 'appointment_status',
  invoicedCents: 'invoiced_amount',
};

type RowError = CaseImportPreview['errors'][number];

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const integerOrText = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : v);
/** "120.50" → 12050; anything else goes to the schema as text and is refused there. */
function cents(v: string | null) {
  if (v === null) return null;
  return /^\d+(\.\d{1,2})?$/.test(v) ? Math.round(Number(v) * 100) : v;
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD, or as an instant for the appointment's times. */
function cellText(value: unknown, column: Column): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return column === 'starts_at' || column === 'ends_at'
      ? value.toISOString()
      : value.toISOString().slice(0, 10);
  }
  return blankToNull(String(value));
}

/**
 * Reads a table (CSV or XLSX rows) into case and appointment items, row by
 * row: the header row is found and its spellings read through the synonyms
 * (shared/cases/import-columns.ts); every problem is named by row (1 = the
 * first row under the header) and import column.
 */
export function readCaseTable(table: unknown[][]) {
  const headerAt = Math.max(findCaseHeaderRow(table), 0);
  const headers = (table[headerAt] ?? []).map((c) => (c === null || c === undefined ? '' : String(c)));
  const columns = detectCaseColumns(headers);
  const body = table.slice(headerAt + 1).filter((cells) => cells.some((c) => cellText(c, 'case_id')));
  const errors: RowError[] = [];
  const missing = REQUIRED_CASE_IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      `The file needs the columns ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'file', issue: `no ${c} column` })),
    );
  }
  if (body.length > MAX_CASE_IMPORT_ROWS) {
    throw new AppError('validation_failed', `At most ${MAX_CASE_IMPORT_ROWS} rows per import`, [
      { path: 'file', issue: `${body.length} rows` },
    ]);
  }
  const cases = new Map<string, { item: CaseUpsertItem; row: number }>();
  const appointments: { item: AppointmentUpsertItem; row: number }[] = [];
  body.forEach((cells, i) => {
    const row = i + 1;
    const cell = (c: Column) => {
      const at = columns.indexOf(c);
      return at < 0 ? null : cellText(cells[at], c);
    };
    const caseInput = {
      externalId: cell('case_id'),
      patientId: cell('patient_id'),
      facilityId: cell('location_id'),
      name: cell('case_name'),
      status: cell('case_status')?.toLowerCase(),
      issueDate: cell('issue_date'),
      expiryDate: cell('expiry_date'),
      maxSessions: integerOrText(cell('max_sessions')),
      invoiceableCents: cents(cell('invoiceable_amount')),
    };
    const parsedCase = caseUpsertItemSchema.safeParse(caseInput);
    if (!parsedCase.success) {
      for (const issue of parsedCase.error.issues)
        errors.push({
          row,
          column: CASE_COLUMN[issue.path[0] as keyof CaseUpsertItem] ?? 'case_id',
          issue: issue.message,
        });
    } else if (!cases.has(parsedCase.data.externalId)) {
      cases.set(parsedCase.data.externalId, { item: parsedCase.data, row });
    }
    if (cell('appointment_id') === null) return;
    const parsed = appointmentUpsertItemSchema.safeParse({
      externalId: cell('appointment_id'),
      patientId: cell('patient_id'),
      caseExternalId: cell('case_id'),
      facilityId: cell('location_id'),
      startsAt: cell('starts_at'),
      endsAt: cell('ends_at'),
      type: cell('appointment_type'),
      status: cell('appointment_status')?.toLowerCase().replace(/ /g, '_'),
      invoicedCents: cents(cell('invoiced_amount')) ?? undefined,
    });
    if (parsed.success) appointments.push({ item: parsed.data, row });
    else
      for (const issue of parsed.error.issues)
        errors.push({
          row,
          column: APPOINTMENT_COLUMN[issue.path[0] as keyof AppointmentUpsertItem] ?? 'appointment_id',
          issue: issue.message,
        });
  });
  return { headers, columns, rows: body.length, cases: [...cases.values()], appointments, errors };
}

/** The statements of the whole import, or the rows' reference problems (a patient or location not found). */
async function plan(tenant: TenantDb, read: ReturnType<typeof readCaseTable>) {
  const caseItems = read.cases.map((c) => c.item);
  const appointmentItems = read.appointments.map((a) => a.item);
  try {
    const casePlan = await planCaseUpsert(tenant, caseItems);
    const appointmentPlan = await planAppointmentUpsert(
      tenant,
      appointmentItems,
      casePlan.caseIdByExternalId,
    );
    return { casePlan, appointmentPlan, errors: [] as RowError[] };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
    // Which plan failed decides whose rows the item indexes are.
    const ofAppointments = e.details?.some((d) => d.path.includes('caseExternalId'));
    const rowsOf = ofAppointments ? read.appointments : read.cases;
    const columnOf: Record<string, Column | undefined> = ofAppointments ? APPOINTMENT_COLUMN : CASE_COLUMN;
    const errors = (e.details ?? []).map((d) => {
      const [, index, field = ''] = d.path.split('.');
      return { row: rowsOf[Number(index)]?.row ?? 0, column: columnOf[field] ?? field, issue: d.issue };
    });
    return { casePlan: null, appointmentPlan: null, errors };
  }
}

/** What an import would do, changing nothing: counts and every row's problems. */
export async function previewCaseImport(tenant: TenantDb, table: unknown[][]): Promise<CaseImportPreview> {
  const read = readCaseTable(table);
  const errors = read.errors.length ? read.errors : (await plan(tenant, read)).errors;
  return {
    headers: read.headers,
    columns: read.columns,
    rows: read.rows,
    cases: read.cases.length,
    appointments: read.appointments.length,
    errors,
  };
}

/**
 * Imports every row or none: the file is read and checked again whatever the
 * preview said, then cases, appointments, the locations' sync times and the
 * audit event go to D1 in one batch.
 */
export async function commitCaseImport(tenant: TenantDb, audit: AuditLog, table: unknown[][]) {
  const read = readCaseTable(table);
  const planned = read.errors.length ? null : await plan(tenant, read);
  const errors = planned ? planned.errors : read.errors;
  if (!planned?.casePlan || !planned.appointmentPlan || errors.length) {
    throw new AppError(
      'validation_failed',
      `${new Set(errors.map((e) => e.row)).size} row(s) need fixing before import`,
      errors.map((e) => ({ path: `rows.${e.row}.${e.column}`, issue: e.issue })),
    );
  }
  const caseItems = read.cases.map((c) => c.item);
  const appointmentItems = read.appointments.map((a) => a.item);
  const perFacility = countByFacility(appointmentItems, 'appointments', countByFacility(caseItems, 'cases'));
  await tenant.batch([
    ...planned.casePlan.statements,
    ...planned.appointmentPlan.statements,
    ...syncStatements(tenant, 'import', perFacility),
    audit.statement({
      action: 'create',
      entityType: 'case',
      detail: {
        via: 'import',
        cases: planned.casePlan.counts,
        appointments: planned.appointmentPlan.counts,
      },
    }),
  ]);
  return { cases: planned.casePlan.counts, appointments: planned.appointmentPlan.counts };
}
