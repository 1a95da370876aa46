import { readText, textOf } from '../capture/dom-text';
import type { PageDocument, PageElement } from '../capture/page-dom';
import { type Found, fill, type LabelKind, labelKind, valuesFor } from './identifiers';

// A hostile or huge page costs at most this much.
const MAX_ELEMENTS = 3000;
const MAX_TEXT = 200_000;

type Pair = { kind: LabelKind; label: string; value: string };

const all = (root: PageDocument | PageElement, selector: string) =>
  Array.from(root.querySelectorAll(selector)).slice(0, MAX_ELEMENTS);

function pair(label: string, value: string): Pair | null {
  const kind = labelKind(label);
  return kind && value.trim() ? { kind, label: label.replace(/\s*[:：]\s*$/, '').trim(), value } : null;
}

/** <dt>DOB</dt><dd>…</dd>: each term with the description after it. */
function definitionPairs(doc: PageDocument): Pair[] {
  const pairs: Pair[] = [];
  for (const dt of all(doc, 'dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName.toUpperCase() === 'DD') {
      const p = pair(textOf(dt, 60), textOf(dd, 200));
      if (p) pairs.push(p);
    }
  }
  return pairs;
}

/**
 * Tables of a record: rows of label, value (label, value, …) cells, or one
 * header row over one row of values. A table with many rows is a list (a
 * census), not one person's details, and is left to "Import this table".
 */
function tablePairs(doc: PageDocument): Pair[] {
  const pairs: Pair[] = [];
  for (const table of all(doc, 'table')) {
    const rows = all(table, 'tr').filter((r) => r.closest('table') === table);
    const cells = rows.map((r) => all(r, 'th, td').map((c) => textOf(c, 200)));
    const [head, only, ...more] = cells;
    if (head && only && !more.length && head.every((h) => !h || labelKind(h))) {
      head.forEach((h, i) => {
        const p = pair(h, only[i] ?? '');
        if (p) pairs.push(p);
      });
      continue;
    }
    // A list under a header row ("Resident | Room | DOB"): its rows are people, not one person's details.
    if (cells.some((row) => row.some((c, i) => i > 0 && labelKind(c) && labelKind(row[i - 1]!)))) continue;
    for (const row of cells) {
      for (let i = 0; i + 1 < row.length; i++) {
        const p = labelKind(row[i]!) && !labelKind(row[i + 1]!) ? pair(row[i]!, row[i + 1]!) : null;
        if (p) {
          pairs.push(p);
          i++;
        }
      }
    }
  }
  return pairs;
}

/**
 * A label element with its value beside it: <b>DOB:</b> 03/14/1941 inside a
 * line, or <span class="label">Resident #</span><span>R-1042</span>.
 */
function elementPairs(doc: PageDocument): Pair[] {
  const pairs: Pair[] = [];
  for (const el of all(doc, 'label, b, strong, span, small, em, div')) {
    const label = textOf(el, 60);
    if (!label || label.length > 40 || !labelKind(label)) continue;
    const next = el.nextElementSibling;
    let value = next && !labelKind(textOf(next, 60)) ? textOf(next, 200) : '';
    // An inline label ends the line's first words: the rest of the line is its value.
    const parent = el.tagName.toUpperCase() === 'DIV' || next ? null : el.parentElement;
    const parentText = textOf(parent, 300);
    if (!value && parent && parentText.startsWith(label)) value = parentText.slice(label.length);
    const p = pair(label, value.replace(/^\s*[:：#]?\s*/, ''));
    if (p) pairs.push(p);
  }
  return pairs;
}

/**
 * "Label: value" pairs in lines of text, several to a line ("Name: Rosa
 * Garcia DOB: 11/02/1938"): a label is the last one to four words before a
 * colon that read as one, and its value runs to the next label.
 */
export function textPairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  for (const line of text.split('\n').slice(0, 5000)) {
    const marks: { start: number; end: number; label: string }[] = [];
    for (const colon of line.matchAll(/[:：]/g)) {
      const before = line.slice(0, colon.index).trimEnd();
      const words = before.split(' ');
      for (let n = Math.min(4, words.length); n >= 1; n--) {
        const label = words.slice(-n).join(' ');
        if (labelKind(label)) {
          marks.push({ start: before.length - label.length, end: colon.index + 1, label });
          break;
        }
      }
    }
    marks.forEach((mark, i) => {
      const p = pair(
        mark.label,
        line.slice(mark.end, marks[i + 1]?.start ?? line.length).replace(/[|·]\s*$/, ''),
      );
      if (p) pairs.push(p);
    });
  }
  return pairs;
}

const linePairs = (doc: PageDocument) => textPairs(readText(doc.body, { maxChars: MAX_TEXT }));

/**
 * Labelled values anywhere on the page, the most explicit layouts first
 * (definition lists, tables, label elements, then lines of text), each
 * filling only what the ones before left empty.
 */
export function readLabelledValues(doc: PageDocument, found: Found): void {
  const readers: [() => Pair[], string][] = [
    [() => definitionPairs(doc), 'list'],
    [() => tablePairs(doc), 'table'],
    [() => elementPairs(doc), 'page'],
    [() => linePairs(doc), 'text'],
  ];
  for (const [read, where] of readers) {
    let pairs: Pair[] = [];
    try {
      pairs = read();
    } catch {
      // One layout the page breaks does not hide the others.
    }
    fillPairs(found, pairs, `in the ${where}`);
  }
}

export function fillPairs(found: Found, pairs: Pair[], where: string): void {
  for (const p of pairs) fill(found, valuesFor(p.kind, p.value), `“${p.label}” ${where}`);
}
