import { describe, expect, it } from 'vitest';
import { facilityPrefill, patientPrefill } from '../../extension/features/page-match/page-prefill';
import { plainSource, provenanceHint } from '../../extension/page-reading/provenance';
import { readPage } from '../../extension/page-reading/read-page';
import { savedPage } from './page-reading-fixtures';

describe('where a prefilled value came from, in plain words', () => {
  it('says labels, declared details and the selection as a person would', () => {
    expect(plainSource('“DOB” in the table')).toBe('the page’s “DOB” label');
    expect(plainSource('“Resident #” in the text')).toBe('the page’s “Resident #” label');
    expect(plainSource('“Patient” in the selected text')).toBe(
      'the “Patient” label in the text you selected',
    );
    expect(plainSource('selected text')).toBe('the text you selected');
    expect(plainSource('JSON-LD Organization')).toBe('the details the page gives about the business');
    expect(plainSource('address in the text')).toBe('the address written on the page');
    expect(plainSource('taught:ehr.example')).toBe(
      'the place you pointed at on ehr.example when teaching the site',
    );
    expect(plainSource('CareRx portal')).toBe('Sidecar’s reader for CareRx portal');
  });

  it('notes a field only while it still holds the value read', () => {
    const prefill = { values: { lastName: 'Martinez' }, from: { lastName: '“Resident Name” in the table' } };
    expect(provenanceHint(prefill, 'lastName', 'Martinez')).toBe('From the page’s “Resident Name” label');
    expect(provenanceHint(prefill, 'lastName', 'Martin')).toBeUndefined();
    expect(provenanceHint(prefill, 'firstName', '')).toBeUndefined();
    expect(provenanceHint(null, 'lastName', 'Martinez')).toBeUndefined();
  });
});

describe('forms filled from a page', () => {
  it("a face sheet fills the patient form, the chart's MRN as the record number", () => {
    const reading = readPage(savedPage('face-sheet.html'), 'https://mgcc.harborview-ehr.example/r/20417');
    const prefill = patientPrefill(reading);
    expect(prefill.values).toEqual({
      firstName: 'Elena',
      lastName: 'Martinez',
      dateOfBirth: '1937-04-09',
      roomNumber: '214-B',
      mrn: '000482913',
    });
    expect(plainSource(prefill.from.dateOfBirth!)).toBe('the page’s “DOB” label');
  });

  it("a licensing directory fills the wizard with capitals calmed and no website (it is not the facility's)", () => {
    const reading = readPage(
      savedPage('state-licensing-entry.html'),
      'https://ltc.dhs.oregon.example/ltclicensing/facility/50R0917',
    );
    const prefill = facilityPrefill(reading);
    expect(prefill.values).toEqual({
      name: 'Parkside Assisted Living Community',
      phone: '(503) 555-0177',
      line1: '3185 Commercial St SE',
      city: 'Salem',
      state: 'OR',
      postalCode: '97302',
      administratorName: 'Gloria N. Ferreira',
    });
    expect(provenanceHint(prefill, 'administratorName', 'Gloria N. Ferreira')).toBe(
      'From the page’s “Administrator” label',
    );
  });

  it("a facility's own website gives its address as the website", () => {
    const reading = readPage(
      savedPage('facility-website.html'),
      'https://www.willowcreekseniorliving.example/about/',
    );
    const prefill = facilityPrefill(reading);
    expect(prefill.values).toMatchObject({
      name: 'Willow Creek Senior Living',
      website: 'https://www.willowcreekseniorliving.example',
      administratorName: 'Dana Whitfield',
    });
    expect(provenanceHint(prefill, 'website', prefill.values.website!)).toBe('From the page’s address');
  });
});
