/**
 * Writes the census-export accuracy set: tests/fixtures/accuracy/census/*.csv,
 * exports laid out as EHRs, MDS rosters and pharmacies print them (titles,
 * print stamps, repeated page headers, unit separators, totals, blank lines),
 * each with a *.json of truth: the residents, and how many lines are not residents.
 * Run: `npx tsx scripts/accuracy/census-exports.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Resident, residents, usDate } from './people';

export const CENSUS_DIR = 'tests/fixtures/accuracy/census';

type Line = { cells: string[]; resident?: Resident };
type Layout = {
  name: string;
  header: string[];
  cells: (r: Resident) => string[];
  /** Lines before the header. */
  title?: string[][];
  /** Repeat the title and header every this many residents, as printed pages do. */
  pageEvery?: number;
  /** Unit headings and unit totals between groups. */
  units?: boolean;
  footer?: (count: number) => string[][];
  delimiter?: string;
};

const LAYOUTS: Layout[] = [
  {
    name: 'ehr-census-title-total',
    title: [
      ['Maple Grove Care Center'],
      ['Daily Census Report'],
      ['Printed: 03/02/2026 10:41 AM by jsmith'],
      [],
    ],
    header: [
      'Resident #',
      'Resident Name',
      'DOB',
      'Room/Bed',
      'Admit Date',
      'Sex',
      'Payer',
      'Attending Physician',
    ],
    cells: (r) => [
      r.mrn,
      `${r.lastName}, ${r.firstName}`,
      usDate(r.dateOfBirth),
      `${r.roomNumber}-1`,
      usDate(r.admitDate),
      r.sex,
      'Medicare A',
      'Dr. Shah',
    ],
    footer: (n) => [[], [`Total Residents: ${n}`]],
  },
  {
    name: 'mds-roster',
    header: ['Last Name', 'First Name', 'Birth Date', 'Unit/Room', 'Resident ID', 'Admission Date'],
    cells: (r) => [r.lastName, r.firstName, r.dateOfBirth, r.roomNumber, r.mrn, r.admitDate],
  },
  {
    name: 'pharmacy-fill-list-pages',
    title: [
      ['Pharmacy Fill List - Sunrise Pharmacy Services'],
      ['Facility: Maple Grove', 'Cycle: March 2026'],
    ],
    header: ['Patient', 'DOB', 'Rm', 'Rx Count'],
    cells: (r) => [
      `${r.lastName.toUpperCase()}, ${r.firstName.toUpperCase()}`,
      usDate(r.dateOfBirth),
      r.roomNumber,
      '7',
    ],
    pageEvery: 5,
    footer: (n) => [[`Patients on list: ${n}`], ['Confidential - contains PHI']],
  },
  {
    name: 'plain-no-title',
    header: ['Name', 'DOB', 'Room'],
    cells: (r) => [`${r.firstName} ${r.lastName}`, usDate(r.dateOfBirth), r.roomNumber],
  },
  {
    name: 'unit-sections',
    title: [['Census by Unit'], ['As of 03/02/2026']],
    header: ['Res No.', 'Resident', 'Date of Birth', 'Room', 'Adm Date'],
    cells: (r) => [
      r.mrn,
      `${r.lastName}, ${r.firstName}`,
      usDate(r.dateOfBirth),
      r.roomNumber,
      usDate(r.admitDate),
    ],
    units: true,
    footer: (n) => [[], ['Facility total', String(n)]],
  },
  {
    name: 'dob-first-resident-id',
    header: ['DOB', 'Resident ID', 'Resident Name', 'Room'],
    cells: (r) => [usDate(r.dateOfBirth), r.mrn, `${r.lastName}, ${r.firstName}`, r.roomNumber],
    footer: (n) => [['Total', String(n)]],
  },
  {
    name: 'semicolon-stamped',
    delimiter: ';',
    title: [['Census Date: 03/02/2026'], ['Report run 03/02/2026 06:00 by system']],
    header: ['MRN', 'Last', 'First', 'DOB', 'Room', 'Admitted'],
    cells: (r) => [r.mrn, r.lastName, r.firstName, usDate(r.dateOfBirth), r.roomNumber, usDate(r.admitDate)],
    footer: () => [[], ['End of report']],
  },
  {
    name: 'ehr-repeated-headers',
    title: [['Resident Roster'], ['Page 1 of 3']],
    header: ['Resident Name', 'Birthdate', 'Room', 'Admit Date', 'Resident Number'],
    cells: (r) => [
      `${r.firstName} ${r.lastName}`,
      usDate(r.dateOfBirth),
      r.roomNumber,
      usDate(r.admitDate),
      r.mrn,
    ],
    pageEvery: 4,
    footer: (n) => [[`Total census: ${n}`]],
  },
  {
    name: 'blank-separators',
    header: ['Patient Name', 'DOB', 'Room', 'Sex'],
    cells: (r) => [`${r.lastName}, ${r.firstName}`, usDate(r.dateOfBirth), r.roomNumber, r.sex],
    units: true,
  },
  {
    name: 'totals-by-payer',
    title: [['Maple Grove Care Center census'], []],
    header: ['Resident', 'DOB', 'Room', 'Payer', 'Admit'],
    cells: (r) => [
      `${r.lastName}, ${r.firstName}`,
      usDate(r.dateOfBirth),
      r.roomNumber,
      'Medicaid',
      usDate(r.admitDate),
    ],
    footer: (n) => [[], ['Medicare A', '3'], ['Medicaid', String(n - 3)], ['Grand Total', String(n)]],
  },
];

const csvCell = (s: string, d: string) =>
  s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s;

function lines(layout: Layout, people: Resident[]): Line[] {
  const out: Line[] = [...(layout.title ?? []).map((cells) => ({ cells })), { cells: layout.header }];
  people.forEach((r, i) => {
    if (layout.pageEvery && i > 0 && i % layout.pageEvery === 0) {
      out.push({ cells: [] }, { cells: [`Page ${i / layout.pageEvery + 1}`] }, { cells: layout.header });
    }
    if (layout.units && i % 6 === 0) {
      if (i > 0) out.push({ cells: ['Unit total', '6'] }, { cells: [] });
      out.push({ cells: [`Unit: ${i === 0 ? '1 West' : i === 6 ? '2 East' : '3 North'}`] });
    }
    out.push({ cells: layout.cells(r), resident: r });
  });
  out.push(...(layout.footer?.(people.length) ?? []).map((cells) => ({ cells })));
  return out;
}

export function writeCensusExports(dir = CENSUS_DIR) {
  mkdirSync(dir, { recursive: true });
  LAYOUTS.forEach((layout, i) => {
    const people = residents(500 + i, 12 + (i % 4));
    const all = lines(layout, people);
    const d = layout.delimiter ?? ',';
    const headerAt = all.findIndex((l) => l.cells === layout.header);
    writeFileSync(
      join(dir, `${layout.name}.csv`),
      `${all.map((l) => l.cells.map((c) => csvCell(c, d)).join(d)).join('\r\n')}\r\n`,
    );
    const truth = {
      residents: people.map((r) => {
        const has = (re: RegExp) => layout.header.some((h) => re.test(h));
        return {
          firstName: r.firstName,
          lastName: r.lastName,
          dateOfBirth: r.dateOfBirth,
          roomNumber: layout.cells(r).find((c) => c.startsWith(r.roomNumber)) ?? r.roomNumber,
          ...(has(/^(?:res(?:ident)?\.? ?(?:#|no\.?|id|number)|mrn)$/i) ? { mrn: r.mrn } : {}),
          ...(has(/adm/i) ? { admitDate: r.admitDate } : {}),
          ...(has(/^sex$/i) ? { sex: r.sex === 'F' ? 'female' : 'male' } : {}),
          ...(has(/payer/i) ? { payer: layout.cells(r)[layout.header.indexOf('Payer')] } : {}),
          ...(has(/physician/i)
            ? {
                attendingPhysician: layout.cells(r)[layout.header.findIndex((h) => /physician/i.test(h))],
              }
            : {}),
        };
      }),
      /** Lines after the header row that are not residents (blank lines included). */
      notResidents: all.slice(headerAt + 1).filter((l) => !l.resident).length,
    };
    writeFileSync(join(dir, `${layout.name}.json`), `${JSON.stringify(truth, null, 2)}\n`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) writeCensusExports();
