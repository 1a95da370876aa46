import type { PageElement, PageNode } from './page-dom';

/**
 * Text out of the DOM with line breaks where blocks end, so that
 * "DOB: …" and "Phone: …" in separate <div>s stay on separate lines. It does
 * not use innerText: that needs layout, and a hidden or parsed document has none.
 */
const BLOCKS = new Set([
  ...'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM HEADER HR'.split(' '),
  ...'H1 H2 H3 H4 H5 H6 LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(' '),
]);
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'OBJECT', 'SVG']);
const NEWLINE = Symbol('newline');
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
// A hostile or huge page costs at most this many nodes.
const MAX_NODES = 50_000;

export type ReadTextOptions = { skip?: string; maxChars?: number };

export function readText(root: PageElement | null | undefined, options: ReadTextOptions = {}): string {
  if (!root) return '';
  const maxChars = options.maxChars ?? 20_000;
  const out: string[] = [];
  let length = 0;
  let visited = 0;
  // An explicit stack, not recursion: a page nested ten thousand deep must not overflow.
  const stack: (PageNode | typeof NEWLINE)[] = [root];
  while (stack.length && length < maxChars && visited++ < MAX_NODES) {
    const item = stack.pop();
    if (item === NEWLINE) {
      out.push('\n');
      continue;
    }
    if (!item) continue;
    if (item.nodeType === TEXT_NODE) {
      const value = item.nodeValue ?? '';
      out.push(value);
      length += value.length;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const element = item as PageElement;
    const tag = element.tagName.toUpperCase();
    if (NEVER_TEXT.has(tag) || (options.skip && element !== root && element.matches(options.skip))) continue;
    const block = BLOCKS.has(tag);
    if (block) {
      out.push('\n');
      stack.push(NEWLINE);
    }
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return tidyLines(out.join('').slice(0, maxChars));
}

/** Spaces collapsed within lines, blank lines kept to one. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An element's text on one line. */
export function textOf(element: PageNode | null | undefined, maxChars = 1000): string {
  return (element?.textContent ?? '')
    .slice(0, maxChars * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxChars);
}

/** About the first `max` characters on one line, cut at a word. */
export function snippetOf(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.8 ? cut.slice(0, lastSpace) : cut}…`;
}
