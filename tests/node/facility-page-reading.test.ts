import { describe, expect, it } from 'vitest';
import { labelKind, readAdministrator } from '../../extension/page-reading/identifiers';
import { readPage } from '../../extension/page-reading/read-page';
import { savedPage } from './page-reading-fixtures';

describe('reading a facility from its pages', () => {
  it('labels a directory prints for a facility', () => {
    expect(labelKind('Administrator:')).toBe('administrator');
    expect(labelKind('Executive Director')).toBe('administrator');
    expect(labelKind('Physical Address:')).toBe('address');
    expect(labelKind('Licensed Name')).toBe('facilityName');
    expect(labelKind('Licensee:')).toBeNull();
    expect(labelKind('License Number:')).toBeNull();
  });

  it("an administrator's name without credentials, capitals calmed; a non-name is nothing", () => {
    expect(readAdministrator('Marcus Bell, LNHA')).toEqual({ administrator: 'Marcus Bell' });
    expect(readAdministrator('GLORIA N. FERREIRA')).toEqual({ administrator: 'Gloria N. Ferreira' });
    expect(readAdministrator('Vacant')).toEqual({});
    expect(readAdministrator('See 2024 report')).toEqual({});
  });

  it("a facility's website: JSON-LD LocalBusiness in a @graph with its executive director", () => {
    const reading = readPage(
      savedPage('facility-website.html'),
      'https://www.willowcreekseniorliving.example/',
    );
    expect(reading.identifiers).toEqual({
      facilityName: 'Willow Creek Senior Living',
      phone: '(503) 555-0142',
      addressLine1: '1420 Willow Creek Dr NE',
      city: 'Salem',
      state: 'OR',
      postalCode: '97302',
      administrator: 'Dana Whitfield',
    });
    expect(reading.from.administrator).toBe('JSON-LD Organization');
  });

  it("the organisation's staff are not read as the person the page is about", () => {
    const reading = readPage(
      savedPage('facility-website.html'),
      'https://www.willowcreekseniorliving.example/',
    );
    expect(reading.identifiers.firstName).toBeUndefined();
    expect(reading.identifiers.lastName).toBeUndefined();
  });

  it('a website without structured data: the address written in its footer, the name from og:site_name', () => {
    const reading = readPage(savedPage('facility-website-plain.html'), 'https://riverbendmc.example/contact');
    expect(reading.identifiers).toEqual({
      facilityName: 'Riverbend Memory Care',
      phone: '(541) 555-0190',
      email: 'info@riverbendmc.example',
      addressLine1: '2250 NW Riverbend Rd',
      city: 'Bend',
      state: 'OR',
      postalCode: '97701',
      administrator: 'Marcus Bell',
    });
    expect(reading.from).toMatchObject({
      addressLine1: 'address in the text',
      facilityName: 'site name',
      administrator: '“Administrator” in the text',
    });
  });

  it("a state licensing directory entry: the physical address, not the mailing one or the agency's", () => {
    const reading = readPage(
      savedPage('state-licensing-entry.html'),
      'https://ltc.dhs.oregon.example/ltclicensing/facility/50R0917',
    );
    expect(reading.identifiers).toEqual({
      facilityName: 'PARKSIDE ASSISTED LIVING COMMUNITY',
      addressLine1: '3185 Commercial St SE',
      city: 'Salem',
      state: 'OR',
      postalCode: '97302',
      phone: '(503) 555-0177',
      administrator: 'Gloria N. Ferreira',
    });
    expect(reading.from).toMatchObject({
      facilityName: '“Facility Name” in the table',
      addressLine1: '“Physical Address” in the table',
      administrator: '“Administrator” in the table',
    });
  });

  it('a face sheet never takes an address from its text', () => {
    const reading = readPage(savedPage('face-sheet.html'), 'https://mgcc.harborview-ehr.example/r/1');
    expect(reading.identifiers.addressLine1).toBeUndefined();
    expect(reading.identifiers.administrator).toBeUndefined();
  });
});
