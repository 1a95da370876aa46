/** The census set through the same parsing the upload preview uses. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../shared/roster/csv';
import { displayValues, tableToRows } from '../../worker/services/patients/roster-preview';
import { checkPatientRow } from '../../worker/services/patients/roster-rows';
import { CENSUS_DIR } from './census-exports';
import { pairRows, type Scores, tally } from './score';

const FIELDS = [
  'name',
  'dateOfBirth',
  'roomNumber',
  'mrn',
  'admitDate',
  'sex',
  'payer',
  'attendingPhysician',
];
type Truth = { residents: Record<string, string>[]; notResidents: number };

export function scoreCensus(dir = CENSUS_DIR) {
  const scores: Scores = {};
  let leftOut = 0;
  let notResidents = 0;
  let errorRows = 0;
  let errorRowsWithName = 0;
  const unreadable: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  for (const file of files) {
    const truth = JSON.parse(readFileSync(join(dir, file.replace(/\.csv$/, '.json')), 'utf8')) as Truth;
    let rows: ReturnType<typeof tableToRows>['rows'];
    try {
      rows = tableToRows(parseCsv(readFileSync(join(dir, file), 'utf8'))).rows;
    } catch {
      // The file was refused: nothing read, and its lines were not "left out", the upload failed.
      unreadable.push(file);
      for (const t of truth.residents)
        tally(scores, FIELDS, { ...t, name: `${t.lastName} ${t.firstName}` }, undefined);
      notResidents += truth.notResidents;
      continue;
    }
    const found = rows.map((raw) => {
      const { value, errors } = checkPatientRow(raw as Record<string, string>);
      if (errors.length) {
        errorRows++;
        const shown = displayValues(raw, value);
        if (shown.firstName && shown.lastName) errorRowsWithName++;
      }
      const out: Record<string, unknown> = {
        name: value ? `${value.lastName} ${value.firstName}` : '',
        dateOfBirth: value?.dateOfBirth,
        roomNumber: value?.roomNumber,
        mrn: value?.mrn,
        admitDate: value?.admitDate,
        sex: value?.sex,
        payer: value?.payer,
        attendingPhysician: value?.attendingPhysician,
      };
      return out;
    });
    const wanted = truth.residents.map((t) => ({ ...t, name: `${t.lastName} ${t.firstName}` }));
    const paired = pairRows(wanted, found, FIELDS);
    for (const [i, t] of wanted.entries()) tally(scores, FIELDS, t, paired[i]);
    // Rows the reader gave that match no resident count against precision of every field they carry.
    const extra = found.filter((f) => !paired.includes(f));
    for (const f of extra) tally(scores, FIELDS, {}, f);
    const kept = rows.length - truth.residents.length;
    notResidents += truth.notResidents;
    leftOut += truth.notResidents - Math.max(0, Math.min(truth.notResidents, kept));
  }
  return { files: files.length, unreadable, scores, notResidents, leftOut, errorRows, errorRowsWithName };
}
