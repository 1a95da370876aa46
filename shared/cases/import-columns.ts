/** The case import's columns: one row per appointment; a case's columns repeat on each of its rows. */
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
export type CaseImportColumn = (typeof CASE_IMPORT_COLUMNS)[number];

/** Columns every file must have: what a case cannot be written without. */
export const REQUIRED_CASE_IMPORT_COLUMNS = CASE_IMPORT_COLUMNS.slice(0, 5);

/**
 * Header spellings booking systems export, compared lower-case with spaces
 * and punctuation removed ("Case ID", "case-id" and "CaseId" are one).
 */
const SYNONYMS: Record<CaseImportColumn, string[]> = {
  case_id: ['caseid', 'case', 'caseexternalid', 'casenumber', 'referralid', 'authorizationid', 'authid'],
  patient_id: ['patientid', 'patient', 'clientid', 'sidecarpatientid'],
  location_id: ['locationid', 'location', 'facilityid', 'facility', 'clinicid', 'siteid'],
  case_name: ['casename', 'name', 'casetitle', 'referral', 'authorization', 'casedescription'],
  case_status: ['casestatus', 'status'],
  issue_date: ['issuedate', 'issued', 'issuedon', 'referraldate', 'authorizationdate'],
  expiry_date: ['expirydate', 'expiry', 'expires', 'expiration', 'expirationdate', 'expireson', 'validuntil'],
  max_sessions: [
    'maxsessions',
    'maximumsessions',
    'sessions',
    'sessionsauthorized',
    'authorizedsessions',
    'visits',
  ],
  invoiceable_amount: ['invoiceableamount', 'invoiceable', 'authorizedamount', 'amountauthorized', 'budget'],
  appointment_id: ['appointmentid', 'appointment', 'apptid', 'bookingid', 'sessionid', 'visitid'],
  starts_at: ['startsat', 'start', 'starttime', 'startdatetime', 'appointmentstart', 'begins'],
  ends_at: ['endsat', 'end', 'endtime', 'enddatetime', 'appointmentend', 'finishes'],
  appointment_type: ['appointmenttype', 'type', 'appttype', 'sessiontype', 'visittype', 'service'],
  appointment_status: ['appointmentstatus', 'apptstatus', 'sessionstatus', 'visitstatus', 'attendance'],
  invoiced_amount: ['invoicedamount', 'invoiced', 'amountinvoiced', 'billed', 'amountbilled', 'charge'],
};

const squash = (header: string) =>
  header
    .toLowerCase()
    .replace(/#/g, 'id')
    .replace(/[^a-z0-9]/g, '');

export function caseColumnForHeader(header: string): CaseImportColumn | null {
  const key = squash(header);
  if (!key) return null;
  for (const column of CASE_IMPORT_COLUMNS) if (SYNONYMS[column].includes(key)) return column;
  return null;
}

/** Column index → import column, each at most once (the first header that names it wins). */
export function detectCaseColumns(headers: string[]): (CaseImportColumn | null)[] {
  const used = new Set<CaseImportColumn>();
  return headers.map((h) => {
    const column = caseColumnForHeader(h);
    if (!column || used.has(column)) return null;
    used.add(column);
    return column;
  });
}

/** The header row: the first of the first ten that names at least three columns (a title line may come first). */
export function findCaseHeaderRow(rows: unknown[][]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const named = (rows[i] ?? []).filter((c) => typeof c === 'string' && caseColumnForHeader(c)).length;
    if (named >= 3) return i;
  }
  return -1;
}
