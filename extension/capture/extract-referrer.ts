import { textOf } from './dom-text';
import { isOrganization, isPerson, type JsonLdNode, jsonLdNodes, textValue } from './json-ld';
import { normaliseEmail, normalisePhone } from './parse-text';
import { nameParts, put, SPECIALTIES } from './referrer-fields';
import { fromProfileText } from './referrer-profile-text';
import type { CapturedReferrer } from './referrer-types';

const PRACTICE_TYPES = /^(Dentist|MedicalBusiness|MedicalClinic|MedicalOrganization|Physician)$/;
const CLINICAL_TITLE =
  /dentist|orthodont|surgeon|periodont|endodont|prosthodont|\bD\.?D\.?S\b|\bD\.?M\.?D\b|\bDr\b/i;
const typesOf = (node: JsonLdNode) =>
  (Array.isArray(node['@type']) ? node['@type'] : [node['@type']])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/:#]/, ''));
const isPractice = (node: JsonLdNode) => typesOf(node).some((t) => PRACTICE_TYPES.test(t));

function nodesOf(value: unknown): JsonLdNode[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is JsonLdNode => !!v && typeof v === 'object');
}

/** The practice's people: its employees, members and founders, clinicians first. */
function staffOf(practice: JsonLdNode): JsonLdNode[] {
  const people = ['employee', 'employees', 'member', 'founder']
    .flatMap((k) => nodesOf(practice[k]))
    .filter(isPerson);
  return people.sort(
    (a, b) =>
      Number(CLINICAL_TITLE.test(textValue(b.jobTitle) ?? textValue(b.name) ?? '')) -
      Number(CLINICAL_TITLE.test(textValue(a.jobTitle) ?? textValue(a.name) ?? '')),
  );
}

function fromJsonLd(doc: Document, found: CapturedReferrer): boolean {
  const nodes = jsonLdNodes(doc);
  const practice = nodes.find(isPractice) ?? nodes.find(isOrganization);
  // The person the page is about (a top-level Person working there) before the practice's staff list.
  // A directory's listing of one dentist declares the dentist as the practice itself ("Dr. … , DDS").
  const practiceIsPerson =
    !!practice && /^(?:Dr\.?|Doctor)\s|,\s*(?:DDS|DMD)\b/i.test(textValue(practice.name) ?? '');
  const person =
    nodes.find((n) => isPerson(n) && (n.worksFor || CLINICAL_TITLE.test(textValue(n.jobTitle) ?? ''))) ??
    (practice ? staffOf(practice)[0] : undefined) ??
    (practiceIsPerson ? practice : undefined);
  if (!person || !(practice || isPractice(person))) return false;
  const parts = nameParts(textValue(person.name) ?? '');
  const given = textValue(person.givenName);
  put(found, 'firstName', given ?? parts.firstName, 'JSON-LD Person');
  put(found, 'lastName', textValue(person.familyName) ?? parts.lastName, 'JSON-LD Person');
  put(found, 'credentials', textValue(person.honorificSuffix) ?? parts.credentials, 'JSON-LD Person');
  put(found, 'email', normaliseEmail(textValue(person.email) ?? ''), 'JSON-LD Person');
  const title = `${textValue(person.jobTitle) ?? ''} ${textValue(person.medicalSpecialty) ?? ''} ${typesOf(practice ?? person).join(' ')}`;
  put(found, 'specialty', SPECIALTIES.find(([re]) => re.test(title))?.[1], 'JSON-LD job title');
  const place = practice ?? person;
  const from = practice ? 'JSON-LD practice' : 'JSON-LD Person';
  if (place !== person) put(found, 'practiceName', textValue(place.name), from);
  const address = nodesOf(place.address)[0];
  if (address) {
    put(found, 'line1', textValue(address.streetAddress), from);
    put(found, 'city', textValue(address.addressLocality), from);
    put(found, 'state', textValue(address.addressRegion), from);
    put(found, 'postalCode', textValue(address.postalCode), from);
  }
  put(found, 'phone', normalisePhone(textValue(place.telephone) ?? ''), from);
  put(found, 'fax', normalisePhone(textValue(place.faxNumber) ?? ''), from);
  put(found, 'website', textValue(place.url), from);
  return true;
}

const cardText = (card: Element, selector: string) => textOf(card.querySelector(selector), 200) || undefined;

/** hCard with an organisation: microformats2 `h-card` or the older `vcard`. */
function fromHCard(doc: Document, found: CapturedReferrer): boolean {
  const card = doc.querySelector('.h-card, .vcard');
  const org = card && cardText(card, '.p-org, .org');
  if (!card || !org) return false;
  const parts = nameParts(cardText(card, '.p-name, .fn') ?? '');
  put(found, 'firstName', cardText(card, '.p-given-name, .given-name') ?? parts.firstName, 'hCard');
  put(found, 'lastName', cardText(card, '.p-family-name, .family-name') ?? parts.lastName, 'hCard');
  put(
    found,
    'credentials',
    cardText(card, '.p-honorific-suffix, .honorific-suffix') ?? parts.credentials,
    'hCard',
  );
  put(found, 'practiceName', org, 'hCard');
  put(found, 'line1', cardText(card, '.p-street-address, .street-address'), 'hCard');
  put(found, 'city', cardText(card, '.p-locality, .locality'), 'hCard');
  put(found, 'state', cardText(card, '.p-region, .region'), 'hCard');
  put(found, 'postalCode', cardText(card, '.p-postal-code, .postal-code'), 'hCard');
  const title = cardText(card, '.p-job-title, .title, .role') ?? '';
  put(found, 'specialty', SPECIALTIES.find(([re]) => re.test(`${title} ${org}`))?.[1], 'hCard title');
  const email = card.querySelector('a.u-email, a.email, .u-email, .email')?.getAttribute('href') ?? '';
  put(found, 'email', normaliseEmail(email.replace(/^mailto:/i, '')), 'hCard');
  // "<span class=tel><span class=type>Office</span> <span class=value>…</span>": the value alone.
  const tel = cardText(card, '.p-tel .value, .tel .value') ?? cardText(card, '.p-tel, .tel') ?? '';
  put(found, 'phone', normalisePhone(tel), 'hCard');
  return true;
}

// A site's header, navigation and footer carry the site's own contacts (a directory's help line), not the dentist's.
const SITE_CHROME = 'header, nav, footer';
const inContent = (doc: Document, selector: string) =>
  Array.from(doc.querySelectorAll(selector)).find((a) => !a.closest(SITE_CHROME));

/** The page's first mailto: and tel: links outside its header and footer fill what structured data left empty. */
function fromLinks(doc: Document, found: CapturedReferrer) {
  const mailto = inContent(doc, 'a[href^="mailto:" i]')?.getAttribute('href') ?? '';
  put(found, 'email', normaliseEmail(mailto.replace(/^mailto:/i, '').split('?')[0] ?? ''), 'mailto link');
  const tel = inContent(doc, 'a[href^="tel:" i]');
  put(
    found,
    'phone',
    normalisePhone(textOf(tel, 60)) ?? normalisePhone(tel?.getAttribute('href')?.slice(4) ?? ''),
    'tel link',
  );
}

/**
 * A dentist's or practice's page as a referring provider: JSON-LD
 * (Dentist/MedicalBusiness/Physician with a Person), else an hCard with an
 * organisation; mailto:/tel: links fill gaps. Null on a page that is neither,
 * so the panel offers "Save as referring provider" only where it fits.
 */
export function extractReferrer(doc: Document, url: string): CapturedReferrer | null {
  const found: CapturedReferrer = { fields: {}, from: {}, url, title: (doc.title ?? '').slice(0, 300) };
  let recognised = false;
  for (const source of [fromJsonLd, fromHCard, fromProfileText]) {
    try {
      recognised = source(doc, found) || recognised;
    } catch {
      // A page's odd markup in one source must not hide the others.
    }
  }
  if (!recognised) return null;
  fromLinks(doc, found);
  return found;
}
