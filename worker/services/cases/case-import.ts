import { parseCsv } from '../../../shared/roster/csv';
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

/** The import's columns: one row per appointment; a case's columns repeat on each of its rows. */
export const CASE_IMPORT_COLUMNS = [
  'case_id',
  'patient_id',
  'location_id',
  'case_name',
  'case_status',
  'issue_date',
  'expiry_date',
  'max_sessions',
  'invoiceable_amount',
  'appointment_id',
  'starts_at',
  'ends_at',
  'appointment_type',
  'appointment_status',
  'invoiced_amount',
] as const;
type Column = (typeof CASE_IMPORT_COLUMNS)[number];

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

/**
 * Reads the CSV into case and appointment items, row by row; every problem is
 * named by row (1 = the first row under the header) and column.
 */
export function readCaseCsv(csv: string) {
  const table = parseCsv(csv);
  const [header = [], ...body] = table;
  const names = header.map((h) => h.trim().toLowerCase());
  const errors: RowError[] = [];
  const missing = CASE_IMPORT_COLUMNS.slice(0, 5).filter((c) => !names.includes(c));
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      `The file needs the columns ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'csv', issue: `no ${c} column` })),
    );
  }
  if (body.length > MAX_CASE_IMPORT_ROWS) {
    throw new AppError('validation_failed', `At most ${MAX_CASE_IMPORT_ROWS} rows per import`, [
      { path: 'csv', issue: `${body.length} rows` },
    ]);
  }
  const cases = new Map<string, { item: CaseUpsertItem; row: number }>();
  const appointments: { item: AppointmentUpsertItem; row: number }[] = [];
  body.forEach((cells, i) => {
    const row = i + 1;
    const cell = (c: Column) => blankToNull(cells[names.indexOf(c)]);
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
  return { rows: body.length, cases: [...cases.values()], appointments, errors };
}

/** The statements of the whole import, or the rows' reference problems (a patient or location not found). */
async function plan(tenant: TenantDb, read: ReturnType<typeof readCaseCsv>) {
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
    const rowsOf = e.details?.some((d) => d.path.includes('caseExternalId')) ? read.appointments : read.cases;
    const errors = (e.details ?? []).map((d) => {
      const [, index, field] = d.path.split('.');
      return { row: rowsOf[Number(index)]?.row ?? 0, column: field ?? '', issue: d.issue };
    });
    return { casePlan: null, appointmentPlan: null, errors };
  }
}

/** What an import would do, changing nothing: counts and every row's problems. */
export async function previewCaseImport(tenant: TenantDb, csv: string): Promise<CaseImportPreview> {
  const read = readCaseCsv(csv);
  const errors = read.errors.length ? read.errors : (await plan(tenant, read)).errors;
  return { rows: read.rows, cases: read.cases.length, appointments: read.appointments.length, errors };
}

/**
 * Imports every row or none: the file is read and checked again whatever the
 * preview said, then cases, appointments, the locations' sync times and the
 * audit event go to D1 in one batch.
 */
export async function commitCaseImport(tenant: TenantDb, audit: AuditLog, csv: string) {
  const read = readCaseCsv(csv);
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
