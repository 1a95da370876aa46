/**
 * The capture set's pages about someone other than the reader of the form:
 * practice form submissions whose message is about a child, and pages about
 * a dentist (a directory listing of one dentist, a directory listing of a
 * practice, a dentist's own profile page). A dentist's page is scored on the
 * referring provider it offers to save, not as a lead. All invented.
 */
import type { WebInquiry } from './inquiry-web-pages';

const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>\n`;

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

export const LISTING_INQUIRIES: WebInquiry[] = [
  {
    name: 'web-form-message-son',
    html: page(
      'Submission #4471 - Contact us',
      '',
      `<header><a href="/">Bright Smiles Orthodontics</a> <a href="tel:+15550100000">(555) 010-0000</a> <a href="mailto:frontdesk@brightsmiles.example.com">Email us</a></header><main><h1>Submission #4471</h1><table><tr><td>Name</td><td>Tomasz Nowak</td></tr><tr><td>Email</td><td><a href="mailto:t.nowak@example.com">t.nowak@example.com</a></td></tr><tr><td>Phone</td><td>555 010 6701</td></tr><tr><td>Message</td><td>I'd like to book a consultation for my son Liam, he's 12. His dentist Dr. Priya Shah says he has an overjet.</td></tr><tr><td>How did you hear about us?</td><td>Our dentist</td></tr></table></main>`,
    ),
    truth: {
      firstName: 'Liam',
      lastName: 'Nowak',
      email: 't.nowak@example.com',
      phone: '555 010 6701',
      guardianName: 'Tomasz Nowak',
      guardianRelationship: 'Parent',
      referrer: 'Dr. Priya Shah',
      sourceChannel: 'referral',
    },
  },
  {
    name: 'web-form-daughter-definition-list',
    html: page(
      'New inquiry from your website',
      '',
      `<main><p>You have a new inquiry.</p><dl><dt>Your name</dt><dd>Beatriz Santos</dd><dt>Email address</dt><dd>bia.santos@example.com</dd><dt>Best phone</dt><dd>(555) 010-6802</dd><dt>Tell us about the patient</dt><dd>We're looking for an evaluation for our daughter Isabela (8). She still has most of her baby teeth but her pediatric dentist suggested an early check.</dd><dt>How did you hear about us?</dt><dd>A friend on Facebook</dd></dl><p><a href="tel:+15550100000">Call the office</a></p></main>`,
    ),
    truth: {
      firstName: 'Isabela',
      lastName: 'Santos',
      email: 'bia.santos@example.com',
      phone: '(555) 010-6802',
      guardianName: 'Beatriz Santos',
      guardianRelationship: 'Parent',
    },
  },
  {
    name: 'directory-listing-dentist',
    html: page(
      'Dr. Hannah Okafor, DDS - Millbrook, OH | Dentist Reviews - SmileFinder',
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'Dentist',
        name: 'Dr. Hannah Okafor, DDS',
        medicalSpecialty: 'General Dentistry',
        telephone: '(555) 010-6120',
        address: {
          '@type': 'PostalAddress',
          streetAddress: '410 Cedar Ave, Suite 2',
          addressLocality: 'Millbrook',
          addressRegion: 'OH',
          postalCode: '43001',
        },
        aggregateRating: { '@type': 'AggregateRating', ratingValue: '4.8', reviewCount: '112' },
        review: [
          {
            '@type': 'Review',
            author: { '@type': 'Person', name: 'Jake M.' },
            reviewBody: 'Dr. Okafor was gentle and explained everything.',
          },
          {
            '@type': 'Review',
            author: { '@type': 'Person', name: 'Priscilla Vance' },
            reviewBody: 'Front desk called me back the same day.',
          },
        ],
      }),
      `<header><a href="/">SmileFinder</a> <a href="tel:+18005550199">1-800-555-0199</a> <a href="mailto:help@smilefinder.example.com">Help</a></header><main><h1>Dr. Hannah Okafor, DDS</h1><p>General Dentist · 4.8 (112 reviews)</p><p>410 Cedar Ave, Suite 2, Millbrook, OH 43001</p><p><a href="tel:+15550106120">(555) 010-6120</a></p><section><h2>Reviews</h2><p>Jake M. · "Dr. Okafor was gentle and explained everything."</p><p>Priscilla Vance · "Front desk called me back the same day."</p></section><aside><h2>Patients also viewed</h2><p>Dr. Samuel Reyes, DMD · Millbrook</p><p>Dr. Lila Chen, DDS · Westfield</p></aside></main>`,
    ),
    truth: {
      provider: {
        firstName: 'Hannah',
        lastName: 'Okafor',
        credentials: 'DDS',
        specialty: 'general_dentist',
        line1: '410 Cedar Ave, Suite 2',
        city: 'Millbrook',
        state: 'OH',
        postalCode: '43001',
        phone: '(555) 010-6120',
      },
    },
  },
  {
    name: 'directory-listing-practice-vcard',
    html: page(
      'Harborview Kids Dental - Port Alden, ME - DentalDirectory',
      '',
      `<header><a href="/">DentalDirectory</a> <a href="tel:+18005550142">Call DentalDirectory: 1-800-555-0142</a></header><main><div class="vcard"><h1><span class="org">Harborview Kids Dental</span></h1><p><span class="fn">Dr. Marcus Lindqvist, DMD</span> · <span class="title">Pediatric Dentist</span></p><div class="adr"><span class="street-address">88 Wharf St</span>, <span class="locality">Port Alden</span>, <span class="region">ME</span> <span class="postal-code">04101</span></div><div class="tel"><span class="type">Office</span> <span class="value">(555) 010-6140</span></div><a class="email" href="mailto:hello@harborviewkids.example.com">Email the practice</a></div><section><h2>Reviews</h2><div class="h-review"><span class="p-author h-card"><span class="p-name">Morgan T.</span></span> "Our kids love it here."</div></section></main>`,
    ),
    truth: {
      provider: {
        firstName: 'Marcus',
        lastName: 'Lindqvist',
        credentials: 'DMD',
        specialty: 'pediatric_dentist',
        practiceName: 'Harborview Kids Dental',
        line1: '88 Wharf St',
        city: 'Port Alden',
        state: 'ME',
        postalCode: '04101',
        phone: '(555) 010-6140',
        email: 'hello@harborviewkids.example.com',
      },
    },
  },
  {
    name: 'dentist-profile-page',
    html: page(
      'Meet Dr. Elise Carrow | Carrow Periodontics &amp; Implants',
      '',
      `<header><nav><a href="/">Home</a> <a href="/team">Our team</a> <a href="/contact">Contact</a></nav></header><main><h1>Dr. Elise Carrow, DMD, MS</h1><p>Board-Certified Periodontist</p><p>Dr. Carrow completed her periodontics residency in 2011 and has placed implants for patients across the North Shore since. She welcomes referrals from general dentists and orthodontists.</p><h2>Visit us</h2><address>Carrow Periodontics &amp; Implants<br>1200 Lakeshore Blvd, Suite 300<br>Evanston, IL 60201<br>Phone: (555) 010-6160<br>Fax: (555) 010-6161</address><p><a href="mailto:referrals@carrowperio.example.com">Send a referral</a></p></main><footer>© Carrow Periodontics &amp; Implants</footer>`,
    ),
    truth: {
      provider: {
        firstName: 'Elise',
        lastName: 'Carrow',
        credentials: 'DMD, MS',
        specialty: 'periodontist',
        practiceName: 'Carrow Periodontics & Implants',
        line1: '1200 Lakeshore Blvd, Suite 300',
        city: 'Evanston',
        state: 'IL',
        postalCode: '60201',
        phone: '(555) 010-6160',
        fax: '(555) 010-6161',
        email: 'referrals@carrowperio.example.com',
      },
    },
  },
];
