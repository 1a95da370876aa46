import { normaliseDate } from '../../shared/calendar-date';
import { textOf } from './dom-text';
import { noFields, put, putName } from './found-fields';
import { isOrganization, isPerson, type JsonLdNode, jsonLdNodes, textValue } from './json-ld';
import { normaliseEmail, normalisePhone } from './parse-text';
import { splitName } from './split-name';
import type { FoundFields } from './types';

const MAX_LINKS = 50;

function fromJsonLdPerson(nodes: JsonLdNode[], found: FoundFields): void {
  const person = nodes.find(isPerson);
  if (!person) return;
  const given = textValue(person.givenName);
  const family = textValue(person.familyName);
  const name = given ? { firstName: given, lastName: family } : splitName(textValue(person.name) ?? '');
  putName(found, name, 'JSON-LD Person');
  put(found, 'email', normaliseEmail(textValue(person.email) ?? ''), 'JSON-LD Person');
  put(found, 'phone', normalisePhone(textValue(person.telephone) ?? ''), 'JSON-LD Person');
  put(found, 'dateOfBirth', normaliseDate(textValue(person.birthDate) ?? ''), 'JSON-LD Person');
}

/** An organisation is not a person: its name goes to the notes, its contact details only fill gaps. */
function fromJsonLdOrganization(nodes: JsonLdNode[], found: FoundFields): void {
  const organization = nodes.find(isOrganization);
  if (!organization) return;
  const name = textValue(organization.name);
  if (name) put(found, 'notes', `Organization: ${name}`, 'JSON-LD Organization');
  put(found, 'email', normaliseEmail(textValue(organization.email) ?? ''), 'JSON-LD Organization');
  put(found, 'phone', normalisePhone(textValue(organization.telephone) ?? ''), 'JSON-LD Organization');
}

/** A property of this card, not of a card nested inside it (an h-card's p-org h-card). */
function property(card: Element, selector: string): Element | undefined {
  for (const element of card.querySelectorAll(selector)) {
    if (
      element.parentElement?.closest('.h-card, .vcard') === card ||
      element.closest('.h-card, .vcard') === card
    ) {
      return element;
    }
  }
  return undefined;
}

const cardValue = (element: Element | undefined, attributes: string[]) => {
  if (!element) return '';
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (value) return value;
  }
  return textOf(element.querySelector('.value') ?? element, 200);
};

/** hCard: microformats2 `h-card` and the older `vcard`. */
function fromHCard(doc: Document, found: FoundFields): void {
  const card = doc.querySelector('.h-card, .vcard');
  if (!card) return;
  const given = textOf(property(card, '.p-given-name, .given-name'), 80);
  const family = textOf(property(card, '.p-family-name, .family-name'), 80);
  const full = textOf(property(card, '.p-name, .fn'), 200);
  putName(found, given ? { firstName: given, lastName: family || undefined } : splitName(full), 'hCard');

  const emailElement = property(card, '.u-email, .email');
  const href = emailElement?.getAttribute('href') ?? '';
  const email = href.toLowerCase().startsWith('mailto:')
    ? mailtoAddress(href)
    : normaliseEmail(cardValue(emailElement, []));
  put(found, 'email', email, 'hCard');

  const telElement = property(card, '.p-tel, .tel');
  const tel = normalisePhone(cardValue(telElement, [])) ?? telAddress(telElement?.getAttribute('href') ?? '');
  put(found, 'phone', tel, 'hCard');

  const bday = property(card, '.dt-bday, .bday');
  put(found, 'dateOfBirth', normaliseDate(cardValue(bday, ['datetime', 'title', 'value'])), 'hCard');
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The first address of a mailto: URL, without its ?subject=… */
export function mailtoAddress(href: string): string | undefined {
  const to = decode(href.replace(/^mailto:/i, '').split('?')[0] ?? '');
  return normaliseEmail(to.split(',')[0] ?? '');
}

/** The number of a tel: URL, without parameters such as ;ext= or ?… */
export function telAddress(href: string): string | undefined {
  if (!/^tel:/i.test(href)) return undefined;
  return normalisePhone(decode(href.slice(4).split(/[;?]/)[0] ?? ''));
}

function fromLinks(doc: Document, found: FoundFields): void {
  const mailtos = [...doc.querySelectorAll('a[href^="mailto:" i]')].slice(0, MAX_LINKS);
  const email = mailtos.map((a) => mailtoAddress(a.getAttribute('href') ?? '')).find(Boolean);
  put(found, 'email', email, 'mailto link');

  // The number as the page prints it, when the link's text is the number.
  const tels = [...doc.querySelectorAll('a[href^="tel:" i]')].slice(0, MAX_LINKS);
  const phone = tels
    .map((a) => normalisePhone(textOf(a, 60)) ?? telAddress(a.getAttribute('href') ?? ''))
    .find(Boolean);
  put(found, 'phone', phone, 'tel link');
}

/**
 * Any page, from its structured data only: a JSON-LD Person, an hCard, a
 * JSON-LD Organization, then mailto: and tel: links, each filling only what
 * the ones before left empty. A page without them yields nothing rather than
 * a guess. Each source runs on its own, so one the page breaks does not hide
 * the others.
 */
export function extractGeneric(doc: Document, parts: { links: boolean } = { links: true }): FoundFields {
  const found = noFields();
  let nodes: JsonLdNode[] = [];
  const sources = [
    () => {
      nodes = jsonLdNodes(doc);
    },
    () => fromJsonLdPerson(nodes, found),
    () => fromHCard(doc, found),
    () => fromJsonLdOrganization(nodes, found),
    ...(parts.links ? [() => fromLinks(doc, found)] : []),
  ];
  for (const source of sources) {
    try {
      source();
    } catch {
      // Skip what the page broke; keep what the others found.
    }
  }
  return found;
}

/** The page's mailto: and tel: links alone: the weakest hint, read after everything else. */
export function extractLinks(doc: Document): FoundFields {
  const found = noFields();
  try {
    fromLinks(doc, found);
  } catch {
    // A page that breaks the reader gives no links, not a failed capture.
  }
  return found;
}
