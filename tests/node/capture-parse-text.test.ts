import { describe, expect, it } from 'vitest';
import {
  findDateOfBirth,
  findEmail,
  findName,
  findPhone,
  normaliseEmail,
  normalisePhone,
  parseText,
} from '../../extension/capture/parse-text';
import { splitName } from '../../extension/capture/split-name';
import { findDate } from '../../shared/calendar-date';

describe('splitting a display name', () => {
  it.each([
    ['Maria Gonzalez', { firstName: 'Maria', lastName: 'Gonzalez' }],
    ['Gonzalez, Maria', { firstName: 'Maria', lastName: 'Gonzalez' }],
    ['"Gonzalez, Maria"', { firstName: 'Maria', lastName: 'Gonzalez' }],
    ['“Maria Gonzalez”', { firstName: 'Maria', lastName: 'Gonzalez' }],
    ['Dr. Jane Q. Doe', { firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, DDS', { firstName: 'Jane', lastName: 'Doe' }],
    ['Robert Smith Jr.', { firstName: 'Robert', lastName: 'Smith' }],
    ['Ana de la Cruz', { firstName: 'Ana', lastName: 'de la Cruz' }],
    ['de la Cruz, Ana Sofia', { firstName: 'Ana', lastName: 'de la Cruz' }],
    ['Maria (Sofia’s mom) Gonzalez', { firstName: 'Maria', lastName: 'Gonzalez' }],
    ['  Madonna  ', { firstName: 'Madonna' }],
    ['Zoë Ó Briain-Núñez', { firstName: 'Zoë', lastName: 'Briain-Núñez' }],
  ])('%s', (raw, parts) => {
    expect(splitName(raw)).toEqual(parts);
  });

  it.each([
    'maria.gonzalez@example.com',
    'Room 101',
    'Order #5521',
    'a, b, c',
    'Dr.',
    '',
    'One Two Three Four Five Six Seven',
  ])('refuses %j, which is not a name', (raw) => {
    expect(splitName(raw)).toEqual({});
  });

  it('keeps each part within the API limit of 80 characters, and refuses a paragraph', () => {
    expect(splitName(`Jo ${'Q'.repeat(90)}`)).toEqual({ firstName: 'Jo', lastName: 'Q'.repeat(80) });
    expect(splitName(`Jo ${'Q'.repeat(130)}`)).toEqual({});
  });
});

describe('reading dates', () => {
  it.each([
    ['03/14/2011', '2011-03-14'],
    ['3/4/2011', '2011-03-04'],
    ['03-14-2011', '2011-03-14'],
    ['2011-03-14', '2011-03-14'],
    ['2011-03-14T00:00:00Z', '2011-03-14'],
    ['March 14, 2011', '2011-03-14'],
    ['Mar. 14th 2011', '2011-03-14'],
    ['14 Mar 2011', '2011-03-14'],
    ['14 March, 2011', '2011-03-14'],
    ['Sept 1, 2010', '2010-09-01'],
  ])('%s is %s', (text, iso) => {
    expect(findDate(text)).toBe(iso);
  });

  it.each([
    '02/30/2011',
    '13/01/2011',
    '2011-02-29',
    '03/14/11',
    '14 Marchy 2011',
    'dismay 4 2011',
    '1/2/1850',
  ])('refuses %s', (text) => {
    expect(findDate(text)).toBeUndefined();
  });
});

describe('finding a date of birth in free text', () => {
  it.each([
    ['DOB: 03/14/2011', '2011-03-14'],
    ['D.O.B. 2011-03-14', '2011-03-14'],
    ["Sofia's date of birth is March 14, 2011.", '2011-03-14'],
    ['Birthdate - 14 Mar 2011', '2011-03-14'],
    ['She was born on 14 March 2011 in Ohio', '2011-03-14'],
    ['Eli (DOB 2 Jun 2012) needs a consult', '2012-06-02'],
    ['Child: Eli\nBirth certificate copy attached, dated 06/02/2012', '2012-06-02'],
  ])('%j', (text, iso) => {
    expect(findDateOfBirth(text)).toBe(iso);
  });

  it.each([
    'Can we book Thursday, December 3, 2026?',
    'Appointment: 03/14/2027\nPhone 555-010-1234',
    'Her birthday party is on 06/01/2025',
    'Dobson & Co., invoice 03/14/2011',
    'newborn care since 01/01/2020',
  ])('takes no random date from %j', (text) => {
    expect(findDateOfBirth(text)).toBeUndefined();
  });
});

describe('finding a phone number', () => {
  it.each([
    ['Call (555) 010-1234 after 3', '(555) 010-1234'],
    ['+1 555 010 1234', '+1 555 010 1234'],
    ['+1-555-010-1234', '+1-555-010-1234'],
    ['555.010.1234', '555.010.1234'],
    ['5550101234', '5550101234'],
    ['office 555-010-1234 x204', '555-010-1234 x204'],
  ])('%j', (text, phone) => {
    expect(findPhone(text)).toBe(phone);
  });

  it('prefers a line that says it is a phone, and never takes the fax', () => {
    expect(findPhone('Fax: 555-010-1299\nOrder 555-010-1111\nCell: 555-010-1234')).toBe('555-010-1234');
    expect(findPhone('Fax: 555-010-1299')).toBeUndefined();
  });

  it.each(['DOB 2011-03-14', 'ZIP 62701-1234', 'Account 123456789012', 'ID 55501012345'])(
    'takes no number from %j',
    (text) => {
      expect(findPhone(text)).toBeUndefined();
    },
  );

  it('tidies a number a page marks as a phone, and refuses what is not one', () => {
    expect(normalisePhone('  +44 20  7946 0958 ')).toBe('+44 20 7946 0958');
    expect(normalisePhone('call us')).toBeUndefined();
    expect(normalisePhone('12')).toBeUndefined();
  });
});

describe('finding an email address', () => {
  it('lowercases the first address and leaves the sentence around it', () => {
    expect(findEmail('Write to <Maria.Gonzalez@Example.COM>. Thanks')).toBe('maria.gonzalez@example.com');
    expect(normaliseEmail('mailto:Ava.T@Example.com')).toBe('ava.t@example.com');
    expect(normaliseEmail('not an address')).toBeUndefined();
    expect(findEmail('no address here @ all')).toBeUndefined();
  });

  it('stays fast on a long run of address characters', () => {
    const started = performance.now();
    expect(findEmail(`${'a'.repeat(200_000)}@`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('finding a name', () => {
  it('prefers the patient, then a plain name, then the parent', () => {
    expect(findName('Parent: Maria Gonzalez\nPatient: Sofia Gonzalez')).toEqual({
      firstName: 'Sofia',
      lastName: 'Gonzalez',
    });
    expect(findName('Parent: Maria Gonzalez\nName: Eli Okafor')).toEqual({
      firstName: 'Eli',
      lastName: 'Okafor',
    });
    expect(findName('Parent/guardian: Maria Gonzalez (mother)')).toEqual({
      firstName: 'Maria',
      lastName: 'Gonzalez',
    });
  });

  it('stops a labelled name where other details start', () => {
    expect(findName('Name: Jane Doe, DOB 03/14/2011 | Phone 555-010-1234')).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
    });
  });

  it('reads a signature-like first line', () => {
    expect(findName('\n  Dr. Jane Q. Doe\n  555-010-1234')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
  });

  it.each([
    'Hello Maria Gonzalez',
    'Thanks Sofia',
    'Bright Smiles Orthodontics',
    'Lakeside Family Dental',
    'maria gonzalez',
    'Please call me back tomorrow',
    'Maria',
  ])('is conservative with a first line like %j', (text) => {
    expect(findName(text)).toBeUndefined();
  });
});

describe('parsing a selection', () => {
  it('finds everything a contact block holds', () => {
    expect(
      parseText(
        'Patient: Ava Thompson\nDOB: 04/22/2015\nParent email: Kim.Thompson@example.com\nCell (555) 010-1177',
      ),
    ).toEqual({
      name: { firstName: 'Ava', lastName: 'Thompson' },
      email: 'kim.thompson@example.com',
      phone: '(555) 010-1177',
      dateOfBirth: '2015-04-22',
    });
  });

  it('finds nothing in text without contact details', () => {
    expect(parseText('We open at 8 am on weekdays, from January 5, 2026.')).toEqual({});
  });
});
