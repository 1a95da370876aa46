import { textOf } from '../capture/dom-text';
import { isOrganization, type JsonLdNode, jsonLdNodes, textValue } from '../capture/json-ld';
import type { PageDocument, PageElement } from '../capture/page-dom';
import { type Found, fill, type PageIdentifiers, readFullName, valuesFor } from './identifiers';

/** Properties as schema.org names them, whether from JSON-LD or microdata. */
type Properties = (name: string) => unknown;

const PERSON_TYPES = /(?:^|[/:#])(?:Person|Patient)$/;
const typeNames = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string');

function personValues(get: Properties): PageIdentifiers {
  const given = textValue(get('givenName'));
  const family = textValue(get('familyName'));
  const name =
    given && family ? readFullName(`${family}, ${given}`) : readFullName(textValue(get('name')) ?? '');
  const identifier = get('identifier');
  const number =
    textValue(identifier) ??
    (identifier && typeof identifier === 'object' ? textValue((identifier as JsonLdNode).value) : undefined);
  return {
    ...name,
    ...valuesFor('dateOfBirth', textValue(get('birthDate')) ?? ''),
    ...valuesFor('mrn', number ?? ''),
    ...valuesFor('phone', textValue(get('telephone')) ?? ''),
    ...valuesFor('email', textValue(get('email')) ?? ''),
  };
}

function organizationValues(get: Properties, address: Properties | null): PageIdentifiers {
  const values: PageIdentifiers = {
    ...valuesFor('facilityName', textValue(get('name')) ?? ''),
    ...valuesFor('phone', textValue(get('telephone')) ?? ''),
  };
  if (address) {
    const line1 = textValue(address('streetAddress'));
    const city = textValue(address('addressLocality'));
    const state = textValue(address('addressRegion'));
    const postalCode = textValue(address('postalCode'));
    if (line1 && city && state && postalCode)
      Object.assign(values, valuesFor('address', `${line1}, ${city}, ${state} ${postalCode}`));
  } else {
    Object.assign(values, valuesFor('address', textValue(get('address')) ?? ''));
  }
  return values;
}

const fromNode =
  (node: JsonLdNode): Properties =>
  (name) =>
    node[name];

// An organisation's own people: its staff, not the person a page is about.
const STAFF_PROPERTIES = ['employee', 'employees', 'member', 'members', 'founder', 'contactPoint'];
const ADMINISTRATOR_TITLE = /\badministrator\b|executive director/i;

function staffOf(organization: JsonLdNode): JsonLdNode[] {
  return STAFF_PROPERTIES.flatMap((p) => {
    const value = organization[p];
    return (Array.isArray(value) ? value : [value]).filter(
      (v): v is JsonLdNode => !!v && typeof v === 'object',
    );
  });
}

/** The organisation's administrator, named by a staff member's job title. */
function administratorOf(staff: JsonLdNode[]): PageIdentifiers {
  const admin = staff.find((s) => ADMINISTRATOR_TITLE.test(textValue(s.jobTitle) ?? ''));
  return admin ? valuesFor('administrator', textValue(admin.name) ?? '') : {};
}

function fromJsonLd(doc: PageDocument, found: Found): void {
  const nodes = jsonLdNodes(doc);
  const organization = nodes.find(isOrganization);
  const staff = organization ? staffOf(organization) : [];
  const person = nodes.find(
    (n) => !staff.includes(n) && typeNames(n['@type']).some((t) => PERSON_TYPES.test(t)),
  );
  if (person) fill(found, personValues(fromNode(person)), 'JSON-LD Person');
  if (organization) {
    const address = organization.address;
    const addressProps = address && typeof address === 'object' ? fromNode(address as JsonLdNode) : null;
    fill(
      found,
      { ...organizationValues(fromNode(organization), addressProps), ...administratorOf(staff) },
      'JSON-LD Organization',
    );
  }
}

/** An item's own property (not one of an item nested in it), as its content, datetime or text. */
function microdataProperties(item: PageElement): Properties {
  return (name) => {
    for (const el of Array.from(item.querySelectorAll(`[itemprop~="${name}"]`))) {
      const owner = el.parentElement?.closest('[itemscope]');
      if (owner !== item) continue;
      if (el.getAttribute('itemscope') !== null) return undefined;
      return el.getAttribute('content') ?? el.getAttribute('datetime') ?? textOf(el, 200);
    }
    return undefined;
  };
}

function fromMicrodata(doc: PageDocument, found: Found): void {
  const items = Array.from(doc.querySelectorAll('[itemscope][itemtype]')).slice(0, 200);
  const typed = (pattern: RegExp) => items.find((i) => pattern.test(i.getAttribute('itemtype') ?? ''));
  const person = typed(/schema\.org\/(?:Person|Patient)\b/);
  if (person) fill(found, personValues(microdataProperties(person)), 'microdata Person');
  const organization = typed(
    /schema\.org\/(?:Organization|MedicalOrganization|NursingHome|LocalBusiness|Hospital|Pharmacy)\b/,
  );
  if (organization) {
    const addressItem = Array.from(organization.querySelectorAll('[itemprop~="address"][itemscope]'))[0];
    fill(
      found,
      organizationValues(
        microdataProperties(organization),
        addressItem ? microdataProperties(addressItem) : null,
      ),
      'microdata Organization',
    );
  }
}

/** JSON-LD, then microdata: what the page itself declares about a person or an organisation. */
export function readStructuredData(doc: PageDocument, found: Found): void {
  for (const read of [fromJsonLd, fromMicrodata]) {
    try {
      read(doc, found);
    } catch {
      // A page's broken markup is skipped; the other readers still run.
    }
  }
}
