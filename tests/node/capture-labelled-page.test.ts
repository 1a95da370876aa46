import { describe, expect, it } from 'vitest';
import { channelHeard, extractLabelled, labelledLines } from '../../extension/capture/extract-labelled';
import { pageOf } from './page-reading-fixtures';

describe('an inquiry page laid out as labels and values', () => {
  it('reads a label/value table, keeps the parent apart from the patient, and takes the dentist from "How did you hear"', () => {
    const found = extractLabelled(
      pageOf(`<nav><a href="tel:+15550100000">(555) 010-0000</a></nav><table>
        <tr><th>Patient name</th><td>Mia Lopez</td></tr>
        <tr><th>Patient's date of birth</th><td>04/11/2011</td></tr>
        <tr><th>Parent/guardian name</th><td>Ana Lopez</td></tr>
        <tr><th>Parent email</th><td>ana.lopez@example.com</td></tr>
        <tr><th>Phone</th><td>555-010-4105</td></tr>
        <tr><th>How did you hear about us?</th><td>Our dentist, Dr. Raj Mehta</td></tr>
      </table>`),
    );
    expect(found.fields).toEqual({
      firstName: 'Mia',
      lastName: 'Lopez',
      dateOfBirth: '2011-04-11',
      guardianName: 'Ana Lopez',
      phone: '555-010-4105',
      referrer: 'Dr. Raj Mehta',
    });
    expect(found.heard).toBe('Our dentist, Dr. Raj Mehta');
    expect(found.from.firstName).toBe('contact table');
  });

  it('reads a definition list and "Label: value" lines, message included', () => {
    const list = extractLabelled(
      pageOf(
        '<dl><dt>First name</dt><dd>Noah</dd><dt>Last name</dt><dd>Fischer</dd><dt>E-mail</dt><dd>noah.fischer@example.net</dd><dt>Comments</dt><dd>My teeth shifted.</dd></dl>',
      ),
    );
    expect(list.fields).toMatchObject({
      firstName: 'Noah',
      lastName: 'Fischer',
      email: 'noah.fischer@example.net',
      notes: 'My teeth shifted.',
    });
    const lines = extractLabelled(
      pageOf(
        '<p>Your name: Carmen Ortiz<br>Birthday: March 9, 1979<br>Referred by: I drove by your office</p>',
      ),
    );
    expect(lines.fields).toMatchObject({ firstName: 'Carmen', lastName: 'Ortiz', dateOfBirth: '1979-03-09' });
    expect(lines.heard).toBe('I drove by your office');
  });

  it('maps how they heard to a lead source only where one fits ("drove" is not "Dr.")', () => {
    expect(channelHeard('Dr. Lena Fox referred me')).toBe('referral');
    expect(channelHeard('our family dentist')).toBe('referral');
    expect(channelHeard('Google search')).toBe('web_page');
    expect(channelHeard('I drove by your office')).toBe('walk_in');
    expect(channelHeard('Instagram')).toBeUndefined();
  });

  it("reads a form service's mail of a submission by its lines, and a 'Tell us about the patient' box as the message", () => {
    const found = labelledLines(
      "Sent via form submission\nName: Karen Walsh\nEmail: karen.walsh@example.com\nPhone: (555) 010-6410\nTell us about the patient: I'd like to book for my son Liam, he's 12.",
    );
    expect(found.fields).toEqual({
      firstName: 'Karen',
      lastName: 'Walsh',
      email: 'karen.walsh@example.com',
      phone: '(555) 010-6410',
      notes: "I'd like to book for my son Liam, he's 12.",
    });
  });
});
