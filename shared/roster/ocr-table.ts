/**
 * Rows from the words OCR found on a photographed roster, read as a table:
 * words are grouped into lines by their height on the page and into columns
 * by where the header's titles stand, so a bordered table whose cells the
 * OCR saw as separate blocks still comes out row by row. Only lines below a
 * recognised header, with a name and at least one other field, become rows:
 * titles, print stamps and page footers never turn into patients.
 */
import { fieldForHeader, type RosterField } from './columns';
import { UNSURE_BELOW } from './ocr-lines';

export type BoxedWord = { text: string; confidence: number; x0: number; y0: number; x1: number; y1: number };
export type TableRow = Partial<Record<RosterField, string>>;
export type UnsureField = { row: number; field: RosterField };
export type TableRead = {
  rows: TableRow[];
  unsure: UnsureField[];
  /** Said plainly when the photo did not give a usable table. */
  warning?: string;
  /** Mean word confidence over the rows read, 0–100. */
  confidence: number;
};

type Column = { field: RosterField; x0: number; x1: number; panel: number };
type Line = { words: BoxedWord[]; y: number };

/** The shape of tesseract.js's `blocks` output that the reader needs. */
type OcrBlocks = {
  paragraphs: {
    lines: {
      words: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[];
    }[];
  }[];
}[];

export const wordsOfBlocks = (blocks: OcrBlocks | null | undefined): BoxedWord[] =>
  (blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) =>
      p.lines.flatMap((l) => l.words.map((w) => ({ text: w.text, confidence: w.confidence, ...w.bbox }))),
    ),
  );

const BORDER = /^[|[\]{}()!_—–=-]+$/;
const cleaned = (w: BoxedWord) => ({ ...w, text: w.text.replace(/^[|[\]]+|[|[\]]+$/g, '') });
const mid = (w: BoxedWord) => (w.y0 + w.y1) / 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Words into lines: sorted by height on the page, a new line wherever the gap exceeds half a letter. */
function linesOf(words: BoxedWord[], letter: number): Line[] {
  const lines: Line[] = [];
  for (const w of [...words].sort((a, b) => mid(a) - mid(b))) {
    const last = lines.at(-1);
    if (last && Math.abs(mid(w) - last.y) < letter * 0.6) {
      last.words.push(w);
      last.y = last.words.reduce((s, x) => s + mid(x), 0) / last.words.length;
    } else lines.push({ words: [w], y: mid(w) });
  }
  for (const l of lines) l.words.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Neighbouring words closer than a letter's height form one phrase ("Date of Birth", "Walker, Edith"). */
function phrases(words: BoxedWord[], letter: number): BoxedWord[][] {
  const out: BoxedWord[][] = [];
  for (const w of words) {
    const last = out.at(-1);
    if (last && w.x0 - last.at(-1)!.x1 < letter * 0.9) last.push(w);
    else out.push([w]);
  }
  return out;
}

/**
 * The header's columns: each phrase that names a roster field. A field named
 * a second time starts a second table beside the first (a roster printed in
 * two halves side by side), read after the first.
 */
function headerColumns(line: Line, letter: number): Column[] {
  const columns: Column[] = [];
  let panel = 0;
  let seen = new Set<RosterField>();
  for (const phrase of phrases(line.words, letter)) {
    const text = phrase.map((w) => w.text).join(' ');
    let field = fieldForHeader(text);
    if (!field && phrase.length > 1) field = phrase.map((w) => fieldForHeader(w.text)).find(Boolean) ?? null;
    if (!field) continue;
    if (seen.has(field)) {
      panel++;
      seen = new Set();
    }
    seen.add(field);
    columns.push({ field, x0: phrase[0]!.x0, x1: phrase.at(-1)!.x1, panel });
  }
  return columns.length >= 2 ? columns : [];
}

/** The column a word stands in: the last one whose title starts left of the word's middle (with some slack). */
function columnOf(columns: Column[], w: BoxedWord, letter: number): Column | undefined {
  const centre = (w.x0 + w.x1) / 2;
  let found: Column | undefined;
  for (const c of columns) if (c.x0 - letter * 1.2 <= Math.min(centre, w.x0 + letter)) found = c;
  return found;
}

const DATE_LIKE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;

export function rowsFromOcrWords(input: BoxedWord[]): TableRead {
  const words = input.map(cleaned).filter((w) => w.text && !BORDER.test(w.text));
  const letter = median(words.map((w) => w.y1 - w.y0)) || 1;
  const lines = linesOf(words, letter);
  const headerAt = lines.findIndex((l) => headerColumns(l, letter).length >= 2);
  if (headerAt < 0)
    return {
      rows: [],
      unsure: [],
      confidence: 0,
      warning:
        'No table header (such as Name, DOB, Room) could be read in this photo. Take it again straight on, in good light, with the whole table in the picture, or import the roster as a spreadsheet.',
    };
  const columns = headerColumns(lines[headerAt]!, letter);
  const panels = Math.max(...columns.map((c) => c.panel)) + 1;
  const rows: TableRow[] = [];
  const unsure: UnsureField[] = [];
  const confidences: number[] = [];
  for (let panel = 0; panel < panels; panel++) {
    const mine = columns.filter((c) => c.panel === panel);
    const left = mine[0]!.x0 - letter * 1.2;
    const next = columns.find((c) => c.panel === panel + 1);
    for (const line of lines.slice(headerAt + 1)) {
      const cells = new Map<RosterField, BoxedWord[]>();
      for (const w of line.words) {
        if (w.x1 < left || (next && w.x0 >= next.x0 - letter * 1.2)) continue;
        const c = columnOf(mine, w, letter);
        if (c) cells.set(c.field, [...(cells.get(c.field) ?? []), w]);
      }
      const row = rowOf(cells);
      if (!row) continue;
      const index = rows.length;
      rows.push(row);
      for (const [field, ws] of cells) {
        confidences.push(...ws.map((w) => w.confidence));
        const target = field === 'firstName' || field === 'lastName' ? 'fullName' : field;
        if (
          ws.some((w) => w.confidence < UNSURE_BELOW) &&
          !unsure.some((u) => u.row === index && u.field === target)
        )
          unsure.push({ row: index, field: target });
      }
    }
  }
  const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  const warning =
    rows.length === 0
      ? 'The table header was found but no resident rows could be read under it. Take the photo again straight on and in focus, or import the roster as a spreadsheet.'
      : confidence < 70
        ? `The photo was hard to read (about ${Math.round(confidence)}% sure overall). Check every highlighted cell, or take a sharper photo.`
        : undefined;
  return { rows, unsure, confidence, ...(warning ? { warning } : {}) };
}

/** A line's cells as a row, or nothing when it is not a resident: it needs a name with letters and one more field. */
function rowOf(cells: Map<RosterField, BoxedWord[]>): TableRow | undefined {
  const text = (f: RosterField) => (cells.get(f) ?? []).map((w) => w.text).join(' ');
  const row: TableRow = {};
  for (const f of cells.keys()) row[f] = text(f);
  if (row.lastName !== undefined || row.firstName !== undefined) {
    row.fullName =
      row.lastName && row.firstName ? `${row.lastName}, ${row.firstName}` : row.lastName || row.firstName;
    delete row.lastName;
    delete row.firstName;
  }
  if (row.dateOfBirth) {
    const date = DATE_LIKE.exec(row.dateOfBirth)?.[0];
    if (date) row.dateOfBirth = date;
  }
  if (!/\p{L}{2}/u.test(row.fullName ?? '')) return undefined;
  const others = Object.keys(row).filter((k) => k !== 'fullName' && row[k as RosterField]);
  if (others.length === 0) return undefined;
  return row;
}
