import type { PageDocument } from './page-dom';

/** Schema.org nodes found in a page's JSON-LD, read without trusting their shape. */
export type JsonLdNode = Record<string, unknown>;

// Organisation types a practice or business page is likely to declare.
const ORGANIZATION_TYPES = new Set([
  'Organization',
  'Corporation',
  'LocalBusiness',
  'MedicalOrganization',
  'MedicalBusiness',
  'MedicalClinic',
  'Dentist',
  'Physician',
  'Hospital',
  'NursingHome',
  'Pharmacy',
  'EducationalOrganization',
  'NGO',
  'ProfessionalService',
]);
const MAX_SCRIPTS = 20;
const MAX_SCRIPT_CHARS = 500_000;
const MAX_NODES = 2000;

/** "schema:Person", "https://schema.org/Person" and ["Person", "Patient"] all count as Person. */
function typesOf(node: JsonLdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

export const isPerson = (node: JsonLdNode) => typesOf(node).includes('Person');
export const isOrganization = (node: JsonLdNode) => typesOf(node).some((t) => ORGANIZATION_TYPES.has(t));

function parsedScripts(doc: Pick<PageDocument, 'querySelectorAll'>): unknown[] {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(
    0,
    MAX_SCRIPTS,
  );
  const parsed: unknown[] = [];
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    try {
      parsed.push(JSON.parse(text));
    } catch {
      // A page's broken JSON-LD is the page's problem; the other blocks still count.
    }
  }
  return parsed;
}

/**
 * Every object in the page's JSON-LD, breadth first, so that a Person listed
 * at the top of a `@graph` comes before one nested inside an organisation
 * (usually its staff, not the person the page is about).
 */
export function jsonLdNodes(doc: Pick<PageDocument, 'querySelectorAll'>): JsonLdNode[] {
  const queue: unknown[] = parsedScripts(doc);
  const nodes: JsonLdNode[] = [];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const value = queue[i];
    if (Array.isArray(value)) {
      queue.push(...value.slice(0, MAX_NODES));
    } else if (value && typeof value === 'object') {
      const node = value as JsonLdNode;
      nodes.push(node);
      for (const child of Object.values(node)) if (child && typeof child === 'object') queue.push(child);
    }
  }
  return nodes;
}

/** A property's text: a string, the first of a list, or an `@value`. */
export function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textValue(value[0]);
  if (value && typeof value === 'object' && '@value' in value)
    return textValue((value as JsonLdNode)['@value']);
  return undefined;
}
