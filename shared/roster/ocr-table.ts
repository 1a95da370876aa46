/**
 * Rows from the words OCR found on a photographed roster, read as a table:
 * words are followed into lines along the row (a row that still slopes stays
 * one line) and put into columns by where the header's titles stand, so a
 * bordered table whose cells the OCR saw as separate blocks still comes out
 * row by row. The header is the line naming the most fields, titles misread
 * by a letter included. Only lines below it that read as a person become rows
 * (ocr-cells.ts): titles, stamps, footers and specks never turn into patients,
 * and a read too poor to trust proposes nothing and says so.
 */
import { contactPhoneInPlace, fieldForHeader, fieldForOcrHeader, type RosterField } from './columns';
import { type BoxedWord, type CellKey, rowOf } from './ocr-cells';

export type { BoxedWord } from './ocr-cells';
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

type Column = { field: CellKey; x0: number; x1: number; panel: number };
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
const cleaned = (w: BoxedWord) => ({ ...w, text: w.text.replace(/^[|[\]{}]+|[|[\]{}]+$/g, '') });
const mid = (w: BoxedWord) => (w.y0 + w.y1) / 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Words into lines. Each word joins the line whose nearest word to its left
 * stands at its height, so a row that still slopes (a page bent or shot at an
 * angle) is followed word by word instead of being cut at a fixed height.
 */
function linesOf(words: BoxedWord[], letter: number): Line[] {
  const lines: Line[] = [];
  for (const w of [...words].sort((a, b) => a.x0 - b.x0)) {
    let best: Line | undefined;
    let bestGap = letter * 0.55;
    for (const line of lines) {
      const last = line.words.at(-1)!;
      if (last.x1 > w.x0 + letter * 0.5) continue;
      // Boxes that mostly overlap in height are on one line even when one is taller (a border read with it).
      const overlap = Math.min(last.y1, w.y1) - Math.max(last.y0, w.y0);
      const shorter = Math.min(last.y1 - last.y0, w.y1 - w.y0);
      const gap = overlap >= shorter * 0.7 ? 0 : Math.abs(mid(last) - mid(w));
      if (gap < bestGap) [best, bestGap] = [line, gap];
    }
    if (best) best.words.push(w);
    else lines.push({ words: [w], y: 0 });
  }
  for (const l of lines) l.y = l.words.reduce((s, x) => s + mid(x), 0) / l.words.length;
  return lines.sort((a, b) => a.y - b.y);
}

/**
 * Neighbouring words closer than a letter's height form one phrase ("Date of
 * Birth", "Walker, Edith"); a little further apart, two that together name a
 * field are one title ("Last  Name" in a wide bold font).
 */
function phrases(words: BoxedWord[], letter: number): BoxedWord[][] {
  const out: BoxedWord[][] = [];
  for (const w of words) {
    const last = out.at(-1);
    if (last && w.x0 - last.at(-1)!.x1 < letter * 0.9) last.push(w);
    else out.push([w]);
  }
  const titled: BoxedWord[][] = [];
  for (const phrase of out) {
    const last = titled.at(-1);
    const joined = [...(last ?? []), ...phrase];
    if (
      last &&
      phrase[0]!.x0 - last.at(-1)!.x1 < letter * 1.8 &&
      fieldForHeader(joined.map((w) => w.text).join(' '))
    )
      titled[titled.length - 1] = joined;
    else titled.push(phrase);
  }
  return titled;
}

/**
 * The header's columns: each phrase that names a roster field. A field named
 * a second time starts a second table beside the first (a roster printed in
 * two halves side by side), read after the first.
 */
function headerColumns(line: Line, letter: number): Column[] {
  const columns: Column[] = [];
  let panel = 0;
  let seen = new Set<CellKey>();
  for (const phrase of phrases(line.words, letter)) {
    const text = phrase.map((w) => w.text).join(' ');
    let field: CellKey | null = fieldForOcrHeader(text);
    if (!field && phrase.length > 1)
      field = phrase.map((w) => fieldForOcrHeader(w.text)).find(Boolean) ?? null;
    // A title OCR could not spell still marks where a column starts ("bos" for DOB).
    if (!field && /[\p{L}\p{N}]{2}/u.test(text)) field = 'unread';
    if (!field) continue;
    if (field !== 'unread' && seen.has(field)) {
      panel++;
      seen = new Set();
    }
    seen.add(field);
    columns.push({ field, x0: phrase[0]!.x0, x1: phrase.at(-1)!.x1, panel });
  }
  const fields = contactPhoneInPlace(columns.map((c) => c.field));
  const placed = columns.map((c, i) => ({ ...c, field: fields[i]! }));
  return new Set(placed.map((c) => c.field).filter((f) => f !== 'unread')).size >= 2 ? placed : [];
}

const NAME_FIELDS: CellKey[] = ['fullName', 'lastName', 'firstName'];

/**
 * The header line: the one naming the most fields, a name among them; on a
 * tie the one naming a date of birth, then the lower one (a title such as
 * "Resident Census" above the table names fewer).
 */
function headerLine(lines: Line[], letter: number): { at: number; columns: Column[] } | undefined {
  let best: { at: number; columns: Column[]; score: number } | undefined;
  lines.forEach((line, at) => {
    const columns = headerColumns(line, letter);
    const fields = new Set<CellKey>(columns.map((c) => c.field).filter((f) => f !== 'unread'));
    if (!NAME_FIELDS.some((f) => fields.has(f))) return;
    const score = fields.size * 2 + (fields.has('dateOfBirth') ? 1 : 0);
    if (!best || score >= best.score) best = { at, columns, score };
  });
  return best;
}

/** The column a word stands in: the last one whose title starts left of the word's middle (with some slack). */
function columnOf(columns: Column[], w: BoxedWord, letter: number): Column | undefined {
  const centre = (w.x0 + w.x1) / 2;
  let found: Column | undefined;
  for (const c of columns) if (c.x0 - letter * 1.2 <= Math.min(centre, w.x0 + letter)) found = c;
  return found;
}

const NO_HEADER =
  'No table header (such as Name, DOB, Room) could be read in this photo. Take it again straight on, in good light, with the whole table in the picture, or import the roster as a spreadsheet.';
const POOR_READ =
  'This photo could not be read well enough to propose residents safely. Take it again straight on, in good light and in focus, with the whole table in the picture, or import the roster as a spreadsheet.';
/** Below this mean confidence a read is more guess than text: nothing is proposed. */
const POOR_CONFIDENCE = 60;

export function rowsFromOcrWords(input: BoxedWord[]): TableRead {
  const words = input.map(cleaned).filter((w) => w.text && !BORDER.test(w.text));
  // The letter height from words surely read, not from specks or a word fused with a border.
  const sure = words.filter((w) => w.confidence >= 60 && /[\p{L}\p{N}]{3}/u.test(w.text));
  const letter = median((sure.length ? sure : words).map((w) => w.y1 - w.y0)) || 1;
  const lines = linesOf(words, letter);
  const header = headerLine(lines, letter);
  if (!header) return { rows: [], unsure: [], confidence: 0, warning: NO_HEADER };
  const { columns } = header;
  const panels = Math.max(...columns.map((c) => c.panel)) + 1;
  const hasDob = columns.some((c) => c.field === 'dateOfBirth' || c.field === 'unread');
  // The table's right edge: the last title plus room for a cell wider than it.
  const right = Math.max(...columns.map((c) => c.x1)) + letter * 8;
  const rows: TableRow[] = [];
  const unsure: UnsureField[] = [];
  const confidences: number[] = [];
  let unread = 0;
  for (let panel = 0; panel < panels; panel++) {
    const mine = columns.filter((c) => c.panel === panel);
    const left = mine[0]!.x0 - letter * 1.2;
    const next = columns.find((c) => c.panel === panel + 1);
    for (const line of lines.slice(header.at + 1)) {
      const cells = new Map<CellKey, BoxedWord[]>();
      for (const w of line.words) {
        if (w.x1 < left || w.x0 > right || (next && w.x0 >= next.x0 - letter * 1.2)) continue;
        const c = columnOf(mine, w, letter);
        if (c) cells.set(c.field, [...(cells.get(c.field) ?? []), w]);
      }
      if (cells.size === 0) continue;
      const read = rowOf(cells, hasDob, letter);
      if (!read) {
        // A line with a number of three digits or more (a date, a room) was likely a resident; "Page 1 of 1" was not.
        if (line.words.some((w) => /\d{3}/.test(w.text))) unread++;
        continue;
      }
      const index = rows.length;
      rows.push(read.row);
      confidences.push(...read.confidences);
      for (const field of read.unsure) unsure.push({ row: index, field });
    }
  }
  mendRoomLetters(rows, unsure);
  const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  // One resident read is too few to trust unless read surely: more often it is the only line that looked like one.
  if (rows.length === 0 || (rows.length < 2 && confidence < 85) || confidence < POOR_CONFIDENCE)
    return { rows: [], unsure: [], confidence, warning: rows.length ? POOR_READ : POOR_READ_NO_ROWS };
  const warning =
    unread > 0
      ? `${unread} ${unread === 1 ? 'line' : 'lines'} under the header could not be read as a resident and ${unread === 1 ? 'was' : 'were'} left out: compare the list with the paper, or take a sharper photo.`
      : confidence < 80
        ? `The photo was hard to read (about ${Math.round(confidence)}% sure overall). Check every highlighted cell, or take a sharper photo.`
        : undefined;
  return { rows, unsure, confidence, ...(warning ? { warning } : {}) };
}

/**
 * "271B" read as "2718": where most rooms are three digits and maybe a bed
 * letter, a fourth digit 8 is the letter B. The cell is marked to check.
 */
function mendRoomLetters(rows: TableRow[], unsure: UnsureField[]) {
  const rooms = rows.map((r) => r.roomNumber ?? '');
  const usual = rooms.filter((r) => /^\d{3}[A-Z]?$/.test(r)).length;
  if (usual * 2 < rooms.length) return;
  rows.forEach((r, row) => {
    if (!r.roomNumber || !/^\d{3}8$/.test(r.roomNumber)) return;
    r.roomNumber = `${r.roomNumber.slice(0, 3)}B`;
    if (!unsure.some((u) => u.row === row && u.field === 'roomNumber'))
      unsure.push({ row, field: 'roomNumber' });
  });
}

const POOR_READ_NO_ROWS =
  'The table header was found but no resident rows could be read under it. Take the photo again straight on and in focus, or import the roster as a spreadsheet.';
