/**
 * The capture set's harder messages: referrals a dentist's office forwards (as
 * Gmail and Outlook lay out a forward), a practice's web form delivered by the
 * form service's no-reply address, a spouse writing for her husband, and a
 * parent answering the practice in a thread. All people and numbers are invented.
 */
import type { Inquiry } from './inquiry-cases';

export const FORWARDED_INQUIRIES: Inquiry[] = [
  {
    name: 'forwarded-referral-outlook',
    app: 'outlook',
    from: { name: 'Front Desk - Harbor Point Dental', email: 'frontdesk@harborpointdental.example.com' },
    subject: 'FW: Ortho referral - Ethan Ruiz',
    body: [
      'Hello, please see the referral below from Dr. Whitcombe. Let us know if you need X-rays.',
      'Tanya\nHarbor Point Dental | (555) 010-6200',
    ],
    forwarded: {
      header: [
        'From: Dr. Amelia Whitcombe <awhitcombe@harborpointdental.example.com>',
        'Sent: Monday, November 23, 2026 4:12 PM',
        'To: Front Desk <frontdesk@harborpointdental.example.com>',
        'Subject: Ortho referral - Ethan Ruiz',
      ],
      body: [
        'Dear Dr. Castillo,',
        "I am referring Ethan Ruiz, date of birth 09/30/2013, for evaluation of crowding and a posterior crossbite. Ethan's mother, Rosa Ruiz, prefers a text at (555) 010-6271 or an email to rosa.ruiz@example.com.",
        'Thank you,\nAmelia Whitcombe, DDS\nHarbor Point Dental\nPhone (555) 010-6200 | Fax (555) 010-6201',
      ],
    },
    truth: {
      firstName: 'Ethan',
      lastName: 'Ruiz',
      dateOfBirth: '2013-09-30',
      email: 'rosa.ruiz@example.com',
      phone: '(555) 010-6271',
      guardianName: 'Rosa Ruiz',
      guardianRelationship: 'Mother',
      referrer: 'Dr. Amelia Whitcombe',
    },
  },
  {
    name: 'forwarded-referral-form-gmail',
    app: 'gmail',
    from: { name: 'Dr. Kofi Mensah', email: 'kofi@mensahdentistry.example.com' },
    subject: 'Fwd: Orthodontic referral form',
    body: [
      'Hi Bright Smiles team, forwarding the referral form for one of our young patients. Thanks!\nKofi',
    ],
    forwarded: {
      header: [
        'From: Mensah Dentistry Referrals <referrals@mensahdentistry.example.com>',
        'Date: Tue, Nov 24, 2026 at 10:41 AM',
        'Subject: Orthodontic referral form',
        'To: Kofi Mensah <kofi@mensahdentistry.example.com>',
      ],
      body: [
        'ORTHODONTIC REFERRAL\nPatient Name: Aaliyah Brooks-Turner\nDate of Birth: 01/05/2015\nParent/Guardian: Denise Turner\nRelationship: Grandmother\nGuardian Phone: 555-010-6302\nGuardian Email: denise.turner@example.net\nReason for referral: Anterior open bite, thumb habit\nReferring Doctor: Dr. Kofi Mensah, DDS\nOffice phone: 555-010-6300',
      ],
    },
    truth: {
      firstName: 'Aaliyah',
      lastName: 'Brooks-Turner',
      dateOfBirth: '2015-01-05',
      email: 'denise.turner@example.net',
      phone: '555-010-6302',
      guardianName: 'Denise Turner',
      guardianRelationship: 'Grandmother',
      referrer: 'Dr. Kofi Mensah',
    },
  },
  {
    name: 'web-form-mail-son-liam',
    app: 'gmail',
    from: { name: 'Squarespace', email: 'form-submission@squarespace.example.net' },
    subject: 'Form Submission - Request an Appointment',
    body: [
      'Sent via form submission from Bright Smiles Orthodontics',
      "Name: Karen Walsh\nEmail: karen.walsh@example.com\nPhone: (555) 010-6410\nMessage: Hi! I'd like to book for my son Liam, he's 12. His canines aren't coming in and we were told to get him checked. Any availability on Thursdays?",
      '(Sent via Bright Smiles Orthodontics)',
    ],
    truth: {
      firstName: 'Liam',
      lastName: 'Walsh',
      email: 'karen.walsh@example.com',
      phone: '(555) 010-6410',
      guardianName: 'Karen Walsh',
      guardianRelationship: 'Parent',
    },
  },
  {
    name: 'spouse-writes-for-husband',
    app: 'outlook',
    from: { name: 'Janet Okoro', email: 'janet.okoro@example.com' },
    subject: 'Adult braces question',
    body: [
      'Hello,',
      "My husband Daniel Okoro (DOB 02/11/1979) has wanted to fix his bite for years but he's shy about calling, so I'm reaching out for him. Dr. Ruth Adler at Maple Dental mentioned your practice.",
      'You can reach Daniel at 555-010-6520 or me at this address.',
      'Janet',
    ],
    truth: {
      firstName: 'Daniel',
      lastName: 'Okoro',
      dateOfBirth: '1979-02-11',
      email: 'janet.okoro@example.com',
      phone: '555-010-6520',
      guardianName: 'Janet Okoro',
      guardianRelationship: 'Spouse',
      referrer: 'Dr. Ruth Adler',
    },
  },
  {
    name: 'thread-dad-confirms-daughter',
    app: 'gmail',
    from: { name: 'Erik Lindgren', email: 'erik.lindgren@example.org' },
    subject: 'Re: Your consultation request',
    body: [
      "Thursday at 4 works. Just to confirm, it's for my daughter \u2014 Ava Lindgren, she's 10, born 5/19/2016.",
      'Thanks,\nErik\nErik Lindgren | 555-010-6633',
    ],
    quoted: [
      'On Tue, Nov 24, 2026 at 9:02 AM Bright Smiles Orthodontics <frontdesk@brightsmiles.example.com> wrote:',
      'Hi Erik, Dr. Castillo has an opening Thursday at 4 pm for the consultation. Who is the appointment for? You can also call us at (555) 010-0000.',
    ],
    truth: {
      firstName: 'Ava',
      lastName: 'Lindgren',
      dateOfBirth: '2016-05-19',
      email: 'erik.lindgren@example.org',
      phone: '555-010-6633',
      guardianName: 'Erik Lindgren',
      guardianRelationship: 'Parent',
    },
  },
];
