import { describe, expect, it } from 'vitest';
import { aboutSomeone } from '../../extension/capture/about-someone';

const parent = { name: 'Maria Gonzalez', email: 'maria.gonzalez@example.com' };

describe('who a message is about', () => {
  it('a parent writing about a child: the child is the person, the writer the guardian, the dentist the referrer', () => {
    expect(
      aboutSomeone(
        'My daughter Sofia (DOB 03/14/2013) was told by her dentist, Dr. Anil Patel, to see you.\nThanks,\nMaria Gonzalez',
        parent,
      ),
    ).toEqual({
      person: { firstName: 'Sofia', lastName: 'Gonzalez' },
      guardian: { name: 'Maria Gonzalez', relationship: 'Parent', email: 'maria.gonzalez@example.com' },
      writerIsReferrer: false,
      referrer: 'Dr. Anil Patel',
    });
  });

  it('reads "I\'m Owen\'s mom" and labelled forms', () => {
    expect(
      aboutSomeone("I'm Owen's mom, Owen Mitchell, born 1/8/2013.", { name: 'Sarah Mitchell' }).guardian,
    ).toEqual({ name: 'Sarah Mitchell', relationship: 'Mother' });
    const labelled = aboutSomeone(
      "Child's name: Emma Hayes\nParent/guardian: Robert Hayes\nRelationship: Father",
      { name: 'Robert Hayes', email: 'r@example.net' },
    );
    expect(labelled.person).toEqual({ firstName: 'Emma', lastName: 'Hayes' });
    expect(labelled.guardian).toEqual({ name: 'Robert Hayes', relationship: 'Father' });
  });

  it("a dentist's referral letter: the patient is the person, the parent it names the guardian, the dentist's address not the patient's", () => {
    const about = aboutSomeone(
      'I am referring my patient Mia Lopez (DOB 04/11/2011).\nHer mother, Ana Lopez, can be reached at 555-010-8842.',
      { name: 'Raj Mehta', email: 'raj@mehtadental.example.com' },
    );
    expect(about.person).toEqual({ firstName: 'Mia', lastName: 'Lopez' });
    expect(about.guardian).toEqual({ name: 'Ana Lopez', relationship: 'Mother' });
    expect(about.writerIsReferrer).toBe(true);
  });

  it('an adult writing about themselves stays the person; only the dentist is added', () => {
    expect(
      aboutSomeone('I would like a consultation for myself. My dentist Dr. Helen Stone suggested aligners.', {
        name: 'Marcus Bell',
      }),
    ).toEqual({ writerIsReferrer: false, referrer: 'Dr. Helen Stone' });
  });

  it('a spouse writing for her husband: he is the person, she the responsible party as spouse', () => {
    const about = aboutSomeone(
      'My husband Daniel Okoro (DOB 02/11/1979) has wanted to fix his bite for years.',
      { name: 'Janet Okoro', email: 'janet.okoro@example.com' },
    );
    expect(about.person).toEqual({ firstName: 'Daniel', lastName: 'Okoro' });
    expect(about.guardian).toEqual({
      name: 'Janet Okoro',
      relationship: 'Spouse',
      email: 'janet.okoro@example.com',
    });
  });

  it('"our daughter Isabela" and "my daughter — Ava Lindgren" name the child', () => {
    expect(
      aboutSomeone('An evaluation for our daughter Isabela (8), please.', { name: 'Bia Santos' }).person,
    ).toEqual({ firstName: 'Isabela', lastName: 'Santos' });
    expect(
      aboutSomeone("It's for my daughter \u2014 Ava Lindgren, she's 10.", { name: 'Erik Lindgren' }).person,
    ).toEqual({ firstName: 'Ava', lastName: 'Lindgren' });
  });

  it("a letter forwarded from Outlook: the dentist who wrote it refers, not the orthodontist it is addressed to; the parent's address from her sentence", () => {
    const about = aboutSomeone(
      [
        'Please see the referral below from Dr. Whitcombe.',
        'From: Dr. Amelia Whitcombe <awhitcombe@harbor.example.com>',
        '',
        'Sent: Monday, November 23, 2026 4:12 PM',
        'Dear Dr. Castillo,',
        "I am referring Ethan Ruiz, date of birth 09/30/2013. Ethan's mother, Rosa Ruiz, prefers an email to rosa.ruiz@example.com.",
      ].join('\n'),
      { name: 'Front Desk - Harbor Point Dental', email: 'frontdesk@harbor.example.com' },
    );
    expect(about).toEqual({
      person: { firstName: 'Ethan', lastName: 'Ruiz' },
      guardian: { name: 'Rosa Ruiz', relationship: 'Mother', email: 'rosa.ruiz@example.com' },
      writerIsReferrer: true,
      referrer: 'Dr. Amelia Whitcombe',
    });
  });

  it('a referral form: the guardian\'s labelled email; "Referring Doctor:" is not a patient', () => {
    const about = aboutSomeone(
      'Patient Name: Aaliyah Brooks-Turner\nParent/Guardian: Denise Turner\nRelationship: Grandmother\nGuardian Email: denise.turner@example.net\nReferring Doctor: Dr. Kofi Mensah, DDS',
      { name: 'Mensah Dentistry Referrals', email: 'referrals@mensah.example.com' },
    );
    expect(about.person).toEqual({ firstName: 'Aaliyah', lastName: 'Brooks-Turner' });
    expect(about.guardian).toEqual({
      name: 'Denise Turner',
      relationship: 'Grandmother',
      email: 'denise.turner@example.net',
    });
    expect(about.referrer).toBe('Dr. Kofi Mensah');
  });
});
