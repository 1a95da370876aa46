import type { PageDocument, PageElement, PageNode } from '../capture/page-dom';

/** Attributes that name what an element holds, and that sites keep across releases. */
const NAMING_ATTRIBUTES = [
  'data-field',
  'data-testid',
  'data-test',
  'data-qa',
  'itemprop',
  'name',
  'aria-label',
];
// Ids and classes made by build tools or frameworks (css-1x2y3z, ember123, a run of digits) change between visits.
const GENERATED =
  /\d{3,}|^(?:css|sc|jsx|ember|ext-gen|mui|chakra|svelte)-|^[a-z]{1,3}-?[0-9a-f]{5,}$|[A-Z0-9]{6,}/i;
const MAX_DEPTH = 8;

const stable = (word: string) => !!word && word.length <= 40 && !GENERATED.test(word);
const escapeIdent = (s: string) => s.replace(/([^A-Za-z0-9_-])/g, '\\$1').replace(/^(\d)/, '\\3$1 ');
const escapeValue = (s: string) => s.replace(/["\\]/g, '\\$&');

function unique(doc: PageDocument, selector: string, el: PageElement): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** What one element can be called on its own: tag with a naming attribute, stable id or classes. */
function ownParts(el: PageElement): string[] {
  const tag = el.tagName.toLowerCase();
  const parts: string[] = [];
  const id = el.getAttribute('id');
  if (id && stable(id)) parts.push(`#${escapeIdent(id)}`);
  for (const name of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && value.length <= 60 && !/\d{4,}/.test(value))
      parts.push(`${tag}[${name}="${escapeValue(value)}"]`);
  }
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(stable).slice(0, 3);
  if (classes.length) parts.push(`${tag}${classes.map((c) => `.${escapeIdent(c)}`).join('')}`);
  parts.push(tag);
  return parts;
}

const sameTag = (node: PageNode | null, tag: string) =>
  node?.nodeType === 1 && (node as PageElement).tagName === tag;

/** `tag:nth-of-type(n)` among its siblings, for when nothing names it. */
function positional(el: PageElement): string {
  const tag = el.tagName.toLowerCase();
  let before = 0;
  for (let n = el.previousSibling; n; n = n.previousSibling) if (sameTag(n, el.tagName)) before++;
  let after = 0;
  for (let n = el.nextSibling; n; n = n.nextSibling) if (sameTag(n, el.tagName)) after++;
  return before + after ? `${tag}:nth-of-type(${before + 1})` : tag;
}

/**
 * A CSS selector for the element a person pointed at that finds it, and only
 * it, on this page and on the site's next page of the same kind: what names
 * it (a stable id, a data-field, itemprop, classes) before where it is, and
 * the nearest named ancestor as an anchor before a path from the root.
 * Generated ids and classes, and ids with record numbers in them, are skipped.
 */
export function selectorFor(doc: PageDocument, el: PageElement): string | null {
  for (const own of ownParts(el)) if (own !== el.tagName.toLowerCase() && unique(doc, own, el)) return own;
  let path = positional(el);
  let anchor = el.parentElement;
  for (let depth = 0; anchor && depth < MAX_DEPTH; depth++, anchor = anchor.parentElement) {
    for (const own of ownParts(anchor)) {
      if (own === anchor.tagName.toLowerCase()) continue;
      // The element's own name under a named ancestor reads better than its position.
      for (const tail of [...ownParts(el).filter((p) => !p.startsWith('#')), path]) {
        const candidate = `${own} ${tail}`;
        if (unique(doc, candidate, el)) return candidate;
      }
    }
    path = `${positional(anchor)} > ${path}`;
  }
  // Nothing named nearby: the path from as high as we went.
  return unique(doc, path, el) ? path : null;
}
