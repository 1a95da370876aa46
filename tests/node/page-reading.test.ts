import { describe, expect, it } from 'vitest';
import {
  labelKind,
  readAddress,
  readDateOfBirth,
  readFullName,
  valuesFor,
} from '../../extension/page-reading/identifiers';
import { largestTable, toCsv } from '../../extension/page-reading/page-tables';
import { readPage } from '../../extension/page-reading/read-page';
import { adapterFor, hostMatches, type SiteAdapter } from '../../extension/page-reading/site-adapters';
import { findHeaderRow } from '../../shared/roster/columns';
import { parseCsv } from '../../shared/roster/csv';
import { pageOf, savedPage } from './page-reading-fixtures';

const FACE_SHEET_URL = 'https://mgcc.harborview-ehr.example/residents/20417/face-sheet';
const PHARMACY_URL = 'https://portal.carerx.example/patients/88231';

// A pharmacy portal whose banner has no readable labels: the site needs an adapter.
const CARERX: SiteAdapter = {
  name: 'CareRx portal',
  hosts: ['*.carerx.example'],
  read: { fullName: '.pt-banner .pt-name', dateOfBirth: '.pt-banner .pt-dob', mrn: '.pt-banner .pt-mrn' },
};

describe('labels as pages print them', () => {
  it('recognises the usual spellings and nothing else', () => {
    expect(labelKind('DOB:')).toBe('dateOfBirth');
    expect(labelKind('D.O.B.')).toBe('dateOfBirth');
    expect(labelKind('Date of Birth')).toBe('dateOfBirth');
    expect(labelKind('Resident #:')).toBe('residentNumber');
    expect(labelKind('Res. No.')).toBe('residentNumber');
    expect(labelKind('MRN')).toBe('mrn');
    expect(labelKind('Medical Record Number:')).toBe('mrn');
    expect(labelKind('Resident Name:')).toBe('fullName');
    expect(labelKind('Room/Bed:')).toBe('roomNumber');
    expect(labelKind('Admission Date:')).toBeNull();
    expect(labelKind('Emergency Contact Phone:')).toBeNull();
    expect(labelKind('Attending Physician:')).toBeNull();
  });

  it('reads dates of birth in the forms EHRs print', () => {
    expect(readDateOfBirth('04/09/1937 (89 yrs)')).toBe('1937-04-09');
    expect(readDateOfBirth('7-Feb-1945')).toBe('1945-02-07');
    expect(readDateOfBirth('February 7, 1945')).toBe('1945-02-07');
    expect(readDateOfBirth('1931-12-30')).toBe('1931-12-30');
    expect(readDateOfBirth('3/5/40')).toBe('1940-03-05');
    expect(readDateOfBirth('02/30/1940')).toBeUndefined();
    expect(readDateOfBirth('unknown')).toBeUndefined();
  });

  it('reads "Last, First Middle" names and calms capitals', () => {
    expect(readFullName('MARTINEZ, ELENA R')).toEqual({ firstName: 'Elena', lastName: 'Martinez' });
    expect(readFullName("O'BRIEN, MARGARET")).toEqual({ firstName: 'Margaret', lastName: "O'Brien" });
    expect(readFullName('de la Cruz, Ana')).toEqual({ firstName: 'Ana', lastName: 'de la Cruz' });
    expect(readFullName('Mrs. Rosa M. Garcia')).toEqual({ firstName: 'Rosa', lastName: 'Garcia' });
    expect(readFullName('Garcia, Rosa (pref: Rosie)')).toEqual({ firstName: 'Rosa', lastName: 'Garcia' });
    expect(readFullName('Room 214')).toEqual({});
  });

  it('splits a one-line address and refuses one without state and ZIP', () => {
    expect(readAddress('1200 Orchard Lane, Salem, OR 97301')).toEqual({
      addressLine1: '1200 Orchard Lane',
      city: 'Salem',
      state: 'OR',
      postalCode: '97301',
    });
    expect(readAddress('1200 Orchard Lane')).toEqual({});
  });

  it('takes a record number, not the words around it', () => {
    expect(valuesFor('residentNumber', '# MG-20417')).toEqual({ residentNumber: 'MG-20417' });
    expect(valuesFor('mrn', 'none on file')).toEqual({});
  });
});

describe('reading saved pages', () => {
  it('an EHR face sheet: labels in table cells, "Last, First", DOB after an admission date', () => {
    const reading = readPage(savedPage('face-sheet.html'), FACE_SHEET_URL);
    expect(reading.identifiers).toEqual({
      firstName: 'Elena',
      lastName: 'Martinez',
      residentNumber: 'MG-20417',
      dateOfBirth: '1937-04-09',
      roomNumber: '214-B',
      mrn: '000482913',
    });
    expect(reading.from.dateOfBirth).toBe('“DOB” in the table');
    expect(reading.title).toBe('Face Sheet - MARTINEZ, ELENA R - Harborview EHR');
  });

  it('a pharmacy portal: the adapter reads the unlabelled banner, the generic readers the rest', () => {
    const reading = readPage(savedPage('pharmacy-patient.html'), PHARMACY_URL, { adapters: [CARERX] });
    expect(reading.adapter).toBe('CareRx portal');
    expect(reading.identifiers).toEqual({
      firstName: 'Chinedu',
      lastName: 'Okafor',
      dateOfBirth: '1945-02-07',
      mrn: 'MG-20388',
      phone: '(503) 555-0188',
      facilityName: 'Maple Grove Care Center',
    });
    expect(reading.from).toMatchObject({ firstName: 'CareRx portal', phone: '“Phone” in the list' });
  });

  it('the same portal without its adapter finds no birth date rather than a refill date', () => {
    const reading = readPage(savedPage('pharmacy-patient.html'), PHARMACY_URL);
    expect(reading.adapter).toBeUndefined();
    expect(reading.identifiers.dateOfBirth).toBeUndefined();
    expect(reading.identifiers.phone).toBe('(503) 555-0188');
  });

  it('a census list is not one person: no name or birth date is taken from its rows', () => {
    const reading = readPage(savedPage('census.html'), 'https://mgcc.harborview-ehr.example/census');
    expect(reading.identifiers.firstName).toBeUndefined();
    expect(reading.identifiers.dateOfBirth).toBeUndefined();
  });

  it("a facility's website: name, address and phone from its JSON-LD", () => {
    const reading = readPage(savedPage('facility-site.html'), 'https://cedarridge.example/');
    expect(reading.identifiers).toEqual({
      facilityName: 'Cedar Ridge Assisted Living',
      phone: '+1 541-555-0123',
      addressLine1: '88 Cedar Ridge Rd',
      city: 'Eugene',
      state: 'OR',
      postalCode: '97401',
    });
    expect(reading.from.facilityName).toBe('JSON-LD Organization');
  });

  it('microdata Person, with a nested organisation kept apart', () => {
    const doc = pageOf(`<div itemscope itemtype="https://schema.org/Patient">
      <span itemprop="familyName">Hughes</span> <span itemprop="givenName">Walter</span>
      <time itemprop="birthDate" datetime="1939-06-01">June 1st</time>
      <div itemprop="memberOf" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Elks Lodge</span></div>
    </div>`);
    expect(readPage(doc, 'https://x.example/').identifiers).toEqual({
      firstName: 'Walter',
      lastName: 'Hughes',
      dateOfBirth: '1939-06-01',
      facilityName: 'Elks Lodge',
    });
  });

  it('definition lists and "Label: value" lines with several labels on one line', () => {
    const doc = pageOf(`<dl><dt>Patient</dt><dd>Doe, John Q</dd><dt>D.O.B.</dt><dd>March 3, 1950</dd></dl>
      <p>Phone: 555-010-4477    Email: jdoe@example.org</p>`);
    expect(readPage(doc, 'https://x.example/').identifiers).toEqual({
      firstName: 'John',
      lastName: 'Doe',
      dateOfBirth: '1950-03-03',
      phone: '555-010-4477',
      email: 'jdoe@example.org',
    });
  });

  it('selected text comes first: the person pointed at it', () => {
    const reading = readPage(savedPage('face-sheet.html'), FACE_SHEET_URL, {
      selection: 'Patient: Okafor, Chinedu DOB: 02/07/1945 MRN: MG-20388',
    });
    expect(reading.identifiers).toMatchObject({
      firstName: 'Chinedu',
      lastName: 'Okafor',
      dateOfBirth: '1945-02-07',
      mrn: 'MG-20388',
    });
    expect(reading.from.firstName).toBe('“Patient” in the selected text');
  });

  it('a broken page yields what it can, never an exception', () => {
    const doc = pageOf('<script type="application/ld+json">{not json</script><p>DOB: 13/45/2000</p>');
    expect(readPage(doc, 'not a url').identifiers).toEqual({});
  });
});

describe('site adapters', () => {
  it('match their host patterns only', () => {
    expect(hostMatches('portal.carerx.example', '*.carerx.example')).toBe(true);
    expect(hostMatches('carerx.example', '*.carerx.example')).toBe(false);
    expect(hostMatches('evilcarerx.example', '*.carerx.example')).toBe(false);
    expect(adapterFor(PHARMACY_URL, [CARERX])?.name).toBe('CareRx portal');
    expect(adapterFor(FACE_SHEET_URL, [CARERX])).toBeUndefined();
  });
});

describe('a table on the page', () => {
  it('takes the census rows as they are, header and all, for the roster import', () => {
    const rows = largestTable(savedPage('census.html'));
    expect(rows?.[0]).toEqual(['Unit: East Wing']);
    expect(rows?.[1]).toEqual(['Resident', 'Room', 'DOB', 'Admit Date', 'Payer']);
    expect(rows?.slice(2).map((r) => r[0])).toEqual([
      'MARTINEZ, ELENA R',
      'Okafor, Chinedu A.',
      "O'BRIEN, MARGARET",
      'Nguyen, Thanh',
    ]);
    expect(toCsv(rows!.slice(1, 3)).split('\r\n')).toEqual([
      'Resident,Room,DOB,Admit Date,Payer',
      '"MARTINEZ, ELENA R",214-B,04/09/1937,08/22/2026,Medicare A',
    ]);
    const parsed = parseCsv(toCsv(rows!));
    expect(parsed[4]?.[0]).toBe("O'BRIEN, MARGARET");
    expect(findHeaderRow(parsed)).toBe(1);
  });

  it('prefers the biggest table and ignores pages without one', () => {
    const rows = largestTable(savedPage('pharmacy-patient.html'));
    expect(rows?.[0]).toEqual(['Drug', 'Sig', 'Last fill', 'Refills']);
    expect(largestTable(pageOf('<p>No tables here</p>'))).toBeNull();
  });
});
