/**
 * The web half of the capture set: practice inquiry pages as website builders
 * and form services lay them out (a label/value table, a definition list,
 * "Label: value" lines), each with a "How did you hear about us?" answer.
 * Written beside the messages by inquiry-pages.ts. All people are invented.
 */
import type { ReferrerField } from '../../extension/capture/referrer-types';
import type { InquiryTruth } from './inquiry-cases';

/** The referring provider a dentist's page offers to save. */
export type ProviderTruth = Partial<Record<ReferrerField, string>>;
/** A page about a patient has the lead's truth; a page about a dentist has the provider's. */
export type WebInquiry = {
  name: string;
  html: string;
  truth: (InquiryTruth | { provider: ProviderTruth }) & { sourceChannel?: string };
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><header><nav><a href="/">Bright Smiles Orthodontics</a> <a href="tel:+15550100000">(555) 010-0000</a></nav></header><main>${body}</main><footer>© Bright Smiles Orthodontics · 12 Main St</footer></body></html>\n`;

const table = (rows: [string, string][], th = true) =>
  `<table>${rows.map(([l, v]) => `<tr>${th ? `<th>${l}</th>` : `<td>${l}</td>`}<td>${v}</td></tr>`).join('')}</table>`;

export const WEB_INQUIRIES: WebInquiry[] = [
  {
    name: 'web-contact-table-google',
    html: page(
      'New submission: Request an appointment',
      `<h1>New form submission</h1>${table([
        ['Name', 'Priya Raman'],
        ['Email', '<a href="mailto:priya.raman@example.com">priya.raman@example.com</a>'],
        ['Phone', '(555) 010-4101'],
        ['Date of Birth', '04/22/1991'],
        ['Message', 'I would like to ask about clear aligners.'],
        ['How did you hear about us?', 'Google search'],
      ])}`,
    ),
    truth: {
      firstName: 'Priya',
      lastName: 'Raman',
      dateOfBirth: '1991-04-22',
      email: 'priya.raman@example.com',
      phone: '(555) 010-4101',
      sourceChannel: 'web_page',
    },
  },
  {
    name: 'web-definition-list-dentist',
    html: page(
      'Inquiry received',
      `<h2>Inquiry details</h2><dl><dt>First name</dt><dd>Noah</dd><dt>Last name</dt><dd>Fischer</dd><dt>E-mail</dt><dd>noah.fischer@example.net</dd><dt>Phone number</dt><dd>555-010-4102</dd><dt>DOB</dt><dd>1988-11-03</dd><dt>Comments</dt><dd>My front teeth have shifted since my braces came off.</dd><dt>How did you hear about us?</dt><dd>Dr. Lena Fox referred me</dd></dl>`,
    ),
    truth: {
      firstName: 'Noah',
      lastName: 'Fischer',
      dateOfBirth: '1988-11-03',
      email: 'noah.fischer@example.net',
      phone: '555-010-4102',
      referrer: 'Dr. Lena Fox',
      sourceChannel: 'referral',
    },
  },
  {
    name: 'web-label-lines-drove-by',
    html: page(
      'Contact form message',
      `<p>A new message was sent from your website.</p><p>Your name: Carmen Ortiz<br>Email: carmen.ortiz@example.org<br>Phone: 555.010.4103<br>Birthday: March 9, 1979<br>Message: Do you offer evening appointments?<br>Referred by: I drove by your office</p>`,
    ),
    truth: {
      firstName: 'Carmen',
      lastName: 'Ortiz',
      dateOfBirth: '1979-03-09',
      email: 'carmen.ortiz@example.org',
      phone: '555.010.4103',
      sourceChannel: 'walk_in',
    },
  },
  {
    name: 'web-td-colons-instagram',
    html: page(
      'Website lead',
      `${table(
        [
          ['Full name:', 'Oliver Grant'],
          ['Email address:', 'ogrant@example.com'],
          ['Mobile:', '555-010-4104'],
          ['Date of birth:', '7/30/1995'],
          ['How did you find us?', 'Instagram'],
        ],
        false,
      )}`,
    ),
    truth: {
      firstName: 'Oliver',
      lastName: 'Grant',
      dateOfBirth: '1995-07-30',
      email: 'ogrant@example.com',
      phone: '555-010-4104',
    },
  },
  {
    name: 'web-patient-and-parent-rows',
    html: page(
      'New patient request',
      `${table([
        ['Patient name', 'Mia Lopez'],
        ["Patient's date of birth", '04/11/2011'],
        ['Parent/guardian name', 'Ana Lopez'],
        ['Parent email', 'ana.lopez@example.com'],
        ['Phone', '555-010-4105'],
        ['How did you hear about us?', 'Our dentist, Dr. Raj Mehta'],
      ])}`,
    ),
    truth: {
      firstName: 'Mia',
      lastName: 'Lopez',
      dateOfBirth: '2011-04-11',
      phone: '555-010-4105',
      guardianName: 'Ana Lopez',
      referrer: 'Dr. Raj Mehta',
      sourceChannel: 'referral',
    },
  },
];
