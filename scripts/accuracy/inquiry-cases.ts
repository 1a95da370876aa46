/**
 * The inquiries of the capture accuracy set, each with what a person would
 * enter from it. All people, practices, addresses and numbers are invented.
 */
import { FORWARDED_INQUIRIES } from './inquiry-forwards';

export type InquiryTruth = {
  firstName: string;
  lastName: string;
  dateOfBirth?: string;
  email?: string;
  phone?: string;
  guardianName?: string;
  guardianRelationship?: string;
  referrer?: string;
};

export type Inquiry = {
  name: string;
  app: 'gmail' | 'outlook';
  from: { name: string; email: string };
  subject: string;
  /** Paragraphs of the newest message; '\n' inside one is a line break. */
  body: string[];
  /** Earlier messages quoted below it. */
  quoted?: string[];
  /** A message forwarded below it: the forward's header lines and the message's paragraphs. */
  forwarded?: { header: string[]; body: string[] };
  truth: InquiryTruth;
};

const sig = (...lines: string[]) => lines.join('\n');

export const INQUIRIES: Inquiry[] = [
  {
    name: 'parent-daughter-dob-label',
    app: 'gmail',
    from: { name: 'Maria Gonzalez', email: 'maria.gonzalez@example.com' },
    subject: 'Braces for my daughter Sofia',
    body: [
      'Hello,',
      'My daughter Sofia Gonzalez (DOB 03/14/2013) was told by her dentist, Dr. Anil Patel at Riverside Family Dental, that she should see an orthodontist.',
      'Do you have any openings after school next week?',
      sig('Thanks,', 'Maria Gonzalez', 'Cell: (555) 010-2233'),
    ],
    truth: {
      firstName: 'Sofia',
      lastName: 'Gonzalez',
      dateOfBirth: '2013-03-14',
      email: 'maria.gonzalez@example.com',
      phone: '(555) 010-2233',
      guardianName: 'Maria Gonzalez',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Anil Patel',
    },
  },
  {
    name: 'parent-son-born',
    app: 'gmail',
    from: { name: 'David Chen', email: 'dchen@example.org' },
    subject: 'Consultation for my son',
    body: [
      'Hi there,',
      'I am writing about my son, Liam Chen, born 7/2/2012. His dentist, Dr. Alan Brooks, recommended an evaluation for an overbite.',
      'You can reach me at 555-010-4410.',
      sig('Best regards,', 'David Chen'),
    ],
    truth: {
      firstName: 'Liam',
      lastName: 'Chen',
      dateOfBirth: '2012-07-02',
      email: 'dchen@example.org',
      phone: '555-010-4410',
      guardianName: 'David Chen',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Alan Brooks',
    },
  },
  {
    name: 'mom-child-no-surname',
    app: 'gmail',
    from: { name: 'Jessica Moreno', email: 'jess.moreno@example.com' },
    subject: 'New patient question',
    body: [
      'Hi! I am the mom of Ava, she is 11 (date of birth: 2014-05-09).',
      'Dr. Kim at Lakeside Pediatric Dentistry referred us for crowding. Do you take Delta Dental?',
      sig('Jessica Moreno', '555.010.7781'),
    ],
    truth: {
      firstName: 'Ava',
      lastName: 'Moreno',
      dateOfBirth: '2014-05-09',
      email: 'jess.moreno@example.com',
      phone: '555.010.7781',
      guardianName: 'Jessica Moreno',
      guardianRelationship: 'Mother',
      referrer: 'Dr. Kim',
    },
  },
  {
    name: 'dad-daughter-labels',
    app: 'outlook',
    from: { name: 'Robert Hayes', email: 'rhayes@example.net' },
    subject: 'Appointment request',
    body: [
      'Patient name: Emma Hayes',
      'Date of birth: 09/30/2011',
      'Parent: Robert Hayes (father)',
      'Phone: 555-010-6620',
      'Referred by: Dr. Susan Lee',
      'Emma has a crossbite her dentist noticed at her last cleaning.',
    ],
    truth: {
      firstName: 'Emma',
      lastName: 'Hayes',
      dateOfBirth: '2011-09-30',
      email: 'rhayes@example.net',
      phone: '555-010-6620',
      guardianName: 'Robert Hayes',
      guardianRelationship: 'Father',
      referrer: 'Dr. Susan Lee',
    },
  },
  {
    name: 'grandmother-grandson',
    app: 'gmail',
    from: { name: 'Patricia Olsen', email: 'pat.olsen@example.com' },
    subject: 'My grandson',
    body: [
      'Good morning,',
      'I am the legal guardian of my grandson, Mason Olsen (born April 3, 2013). Dr. Gregory Hall, our family dentist, said he needs an orthodontic consult.',
      sig('Sincerely,', 'Patricia Olsen', 'Home 555-010-3391'),
    ],
    truth: {
      firstName: 'Mason',
      lastName: 'Olsen',
      dateOfBirth: '2013-04-03',
      email: 'pat.olsen@example.com',
      phone: '555-010-3391',
      guardianName: 'Patricia Olsen',
      guardianRelationship: 'Grandmother',
      referrer: 'Dr. Gregory Hall',
    },
  },
  {
    name: 'reply-with-quoted-practice',
    app: 'gmail',
    from: { name: 'Nina Park', email: 'nina.park@example.com' },
    subject: 'Re: Your inquiry at Bright Smiles Orthodontics',
    body: [
      'Sure! His date of birth is 11/21/2012 and his name is Lucas Park. Dr. Rivera at Northside Dental referred us.',
      sig('Nina', '(555) 010-9014'),
    ],
    quoted: [
      'On Mon, Nov 23, 2026 at 9:12 AM Bright Smiles Orthodontics <frontdesk@brightsmiles.example.com> wrote:',
      'Thank you for writing about your son. Could you send us his full name and date of birth? Call us at 555-010-1000.',
      'Bright Smiles Orthodontics | 100 Main St | Fax 555-010-1001',
    ],
    truth: {
      firstName: 'Lucas',
      lastName: 'Park',
      dateOfBirth: '2012-11-21',
      email: 'nina.park@example.com',
      phone: '(555) 010-9014',
      guardianName: 'Nina Park',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Rivera',
    },
  },
  {
    name: 'forwarded-by-dentist',
    app: 'gmail',
    from: { name: 'Riverside Family Dental', email: 'office@riversidedental.example.com' },
    subject: 'Fwd: Orthodontic referral for Chloe',
    body: [
      'Hi team, forwarding this family to you. - Dr. Anil Patel',
      '---------- Forwarded message ---------\nFrom: Laura Kim <laura.kim@example.com>\nDate: Fri, Nov 20, 2026\nSubject: Orthodontic referral for Chloe',
      'Dr. Patel, could you pass our details to an orthodontist? My daughter Chloe Kim, DOB 02/17/2014. My number is 555-010-5120.\nLaura Kim',
    ],
    truth: {
      firstName: 'Chloe',
      lastName: 'Kim',
      dateOfBirth: '2014-02-17',
      email: 'laura.kim@example.com',
      phone: '555-010-5120',
      guardianName: 'Laura Kim',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Anil Patel',
    },
  },
  {
    name: 'dentist-referral-letter',
    app: 'outlook',
    from: { name: 'Dr. Raj Mehta', email: 'raj.mehta@mehtadental.example.com' },
    subject: 'Referral: Mia Lopez',
    body: [
      'Dear colleague,',
      'I am referring my patient Mia Lopez (DOB 04/11/2011) for evaluation of a Class II malocclusion.',
      'Her mother, Ana Lopez, can be reached at 555-010-8842.',
      sig('Kind regards,', 'Dr. Raj Mehta', 'Mehta Family Dentistry', 'Fax: 555-010-8800'),
    ],
    truth: {
      firstName: 'Mia',
      lastName: 'Lopez',
      dateOfBirth: '2011-04-11',
      phone: '555-010-8842',
      guardianName: 'Ana Lopez',
      guardianRelationship: 'Mother',
      referrer: 'Dr. Raj Mehta',
    },
  },
  {
    name: 'adult-self-invisalign',
    app: 'gmail',
    from: { name: 'Karen Whitaker', email: 'karen.whitaker@example.com' },
    subject: 'Invisalign for adults?',
    body: [
      'Hi, I am 34 and interested in Invisalign. Do you offer free consultations?',
      sig('Thank you,', 'Karen Whitaker', 'Mobile: 555-010-2468'),
    ],
    truth: {
      firstName: 'Karen',
      lastName: 'Whitaker',
      email: 'karen.whitaker@example.com',
      phone: '555-010-2468',
    },
  },
  {
    name: 'adult-self-dob',
    app: 'outlook',
    from: { name: 'Marcus Bell', email: 'mbell@example.org' },
    subject: 'Consult',
    body: [
      'Hello, I would like to book a consultation for myself. My date of birth is 08/05/1990.',
      'My dentist Dr. Helen Stone suggested I look into clear aligners.',
      sig('Marcus Bell', '555-010-1357'),
    ],
    truth: {
      firstName: 'Marcus',
      lastName: 'Bell',
      dateOfBirth: '1990-08-05',
      email: 'mbell@example.org',
      phone: '555-010-1357',
      referrer: 'Dr. Helen Stone',
    },
  },
  {
    name: 'parent-twins-first-named',
    app: 'gmail',
    from: { name: 'Omar Haddad', email: 'omar.haddad@example.com' },
    subject: 'Braces consultation for my son Karim',
    body: [
      'Hello, my son Karim Haddad (d.o.b. 06/12/2012) needs a consultation. Our dentist is Dr. Fiona Grant.',
      sig('Regards,', 'Omar Haddad', 'Tel 555-010-7222'),
    ],
    truth: {
      firstName: 'Karim',
      lastName: 'Haddad',
      dateOfBirth: '2012-06-12',
      email: 'omar.haddad@example.com',
      phone: '555-010-7222',
      guardianName: 'Omar Haddad',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Fiona Grant',
    },
  },
  {
    name: 'stepmother',
    app: 'outlook',
    from: { name: 'Heather Quinn', email: 'hquinn@example.com' },
    subject: 'Orthodontic evaluation',
    body: [
      'Hi, I am the stepmother of Tyler Brooks, DOB 10/02/2012. Dr. Omar Said referred him after his last checkup.',
      'Please call me on 555-010-4545 to schedule.',
      sig('Heather Quinn'),
    ],
    truth: {
      firstName: 'Tyler',
      lastName: 'Brooks',
      dateOfBirth: '2012-10-02',
      email: 'hquinn@example.com',
      phone: '555-010-4545',
      guardianName: 'Heather Quinn',
      guardianRelationship: 'Stepmother',
      referrer: 'Dr. Omar Said',
    },
  },
];

type Family = {
  parent: string;
  child: string;
  dob: string;
  rel: 'Parent' | 'Mother' | 'Father';
  dentist: string;
  phone: string;
};

const FAMILIES: Family[] = [
  {
    parent: 'Sarah Mitchell',
    child: 'Owen',
    dob: '2013-01-08',
    rel: 'Mother',
    dentist: 'Dr. Paul Greene',
    phone: '555-010-3001',
  },
  {
    parent: 'James Carter',
    child: 'Lily',
    dob: '2012-12-19',
    rel: 'Father',
    dentist: 'Dr. Maya Singh',
    phone: '(555) 010-3002',
  },
  {
    parent: 'Elena Petrova',
    child: 'Daniel',
    dob: '2014-03-27',
    rel: 'Parent',
    dentist: 'Dr. Victor Ames',
    phone: '555.010.3003',
  },
  {
    parent: 'Aisha Bello',
    child: 'Zara',
    dob: '2011-08-15',
    rel: 'Mother',
    dentist: 'Dr. Lena Fox',
    phone: '555-010-3004',
  },
  {
    parent: 'Tom Becker',
    child: 'Jonas',
    dob: '2013-11-02',
    rel: 'Father',
    dentist: 'Dr. Ruth Adler',
    phone: '555-010-3005',
  },
  {
    parent: 'Grace Liu',
    child: 'Ethan',
    dob: '2012-02-29',
    rel: 'Parent',
    dentist: 'Dr. Sam Ortiz',
    phone: '(555) 010-3006',
  },
  {
    parent: 'Megan Doyle',
    child: 'Harper',
    dob: '2014-07-04',
    rel: 'Mother',
    dentist: 'Dr. Ian Cole',
    phone: '555-010-3007',
  },
];

const us = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
const word = (rel: Family['rel']) => (rel === 'Mother' ? 'mom' : rel === 'Father' ? 'dad' : 'parent');

/** Two phrasings per family: free text with a signature, and a form-like message with labels. */
function familyCases(f: Family, i: number): Inquiry[] {
  const last = f.parent.split(' ').at(-1)!;
  const email = `${f.parent.toLowerCase().replace(' ', '.')}@example.com`;
  const truth: InquiryTruth = {
    firstName: f.child,
    lastName: last,
    dateOfBirth: f.dob,
    email,
    phone: f.phone,
    guardianName: f.parent,
    guardianRelationship: f.rel,
    referrer: f.dentist,
  };
  const child = i % 2 ? 'daughter' : 'son';
  return [
    {
      name: `family-${i + 1}-free-text`,
      app: i % 3 === 0 ? 'outlook' : 'gmail',
      from: { name: f.parent, email },
      subject: `Question about braces for ${f.child}`,
      body: [
        'Hi,',
        `${f.rel === 'Parent' ? `I'm writing for my ${child}` : `I'm ${f.child}'s ${word(f.rel)}`}, ${f.child} ${last}, born ${us(f.dob)}. ${f.dentist} suggested we get an orthodontic consult.`,
        'What are your hours on Saturdays?',
        sig('Thanks so much,', f.parent, f.phone, 'Sent from my iPhone'),
      ],
      truth,
    },
    {
      name: `family-${i + 1}-labelled`,
      app: i % 3 === 1 ? 'outlook' : 'gmail',
      from: { name: f.parent, email },
      subject: 'New patient inquiry',
      body: [
        `Child's name: ${f.child} ${last}\nChild's DOB: ${us(f.dob)}\nParent/guardian: ${f.parent}\nRelationship: ${f.rel}\nPhone: ${f.phone}\nReferring dentist: ${f.dentist}`,
        'Looking forward to hearing from you.',
      ],
      truth,
    },
  ];
}

export const ALL_INQUIRIES: Inquiry[] = [
  ...INQUIRIES,
  ...FAMILIES.flatMap(familyCases),
  ...FORWARDED_INQUIRIES,
];
