/**
 * One table line's cells, as OCR read them, made into a resident row or
 * refused. A row is proposed only when it reads as a person: a name of real
 * letters, read with some confidence, and a date of birth that is a real date
 * (or, failing that, a name read with high confidence). Everything else on a
 * photo (borders, shadows, a curled corner, the footer) is left out.
 */
import { parseHumanDate } from '../calendar-date';
import type { RosterField } from './columns';
import { UNSURE_BELOW } from './ocr-lines';

export type BoxedWord = { text: string; confidence: number; x0: number; y0: number; x1: number; y1: number };
/** A column whose title was not read: its words only serve to find a date that slid out of place. */
export type CellKey = RosterField | 'unread';
export type CellRow = Partial<Record<RosterField, string>>;
export type RowRead = { row: CellRow; unsure: RosterField[]; confidences: number[] };

const NAME_FIELDS = new Set<RosterField>(['fullName', 'lastName', 'firstName']);
/** Digits OCR gives as letters inside a number. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
};
const DATE = /(\d{1,2})[/.,-](\d{1,2})[/.,-](\d{4}|\d{2})(?!\d)|(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * A date written across some words: the pieces joined (OCR splits
 * "08/02/ 1940"), look-alike letters read as the digits they stand for.
 */
export function dateOfWords(words: BoxedWord[]): { text: string; used: BoxedWord[] } | undefined {
  for (let from = 0; from < words.length; from++)
    for (let to = Math.min(words.length, from + 3); to > from; to--) {
      const joined = words
        .slice(from, to)
        .map((w) => w.text)
        .join('');
      if ((joined.match(/[\d/.-]/g) ?? []).length < joined.length * 0.6) continue;
      const digits = joined.replace(/[A-Za-z|]/g, (c) => DIGIT_LOOKALIKES[c] ?? c);
      const m = DATE.exec(digits);
      if (m) return { text: m[0].replace(/[.,-]/g, '/'), used: words.slice(from, to) };
    }
  return undefined;
}

/** A birth date worth proposing: a real calendar date, in the past, after 1900. */
function realBirthDate(text: string | undefined): boolean {
  const iso = parseHumanDate(text ?? '');
  return !!iso && iso >= '1900-01-01' && iso <= new Date().toISOString().slice(0, 10);
}

/**
 * A printed 0 that OCR read as 6, 8 or 9 (a slashed or dotted zero in a
 * typewriter font, a blurred one): where a date is no real birth date as
 * read, the first digit of its day or month is tried as 0, since neither can
 * begin with 6, 8 or 9. Only a date that is then real is given back, for the
 * person to check.
 */
export function mendedBirthDate(text: string): string | undefined {
  if (realBirthDate(text)) return text;
  const parts = text.split('/');
  // A two-digit year leaves the century a guess: one guess in a date is enough.
  if (parts.length !== 3 || !/^\d{4}$/.test(parts[2]!)) return undefined;
  const zeroed = (part: string) => (/^[689]\d$/.test(part) ? `0${part[1]}` : part);
  const tries = [
    [zeroed(parts[0]!), parts[1]!],
    [parts[0]!, zeroed(parts[1]!)],
    [zeroed(parts[0]!), zeroed(parts[1]!)],
  ];
  for (const [a, b] of tries) {
    const candidate = `${a}/${b}/${parts[2]}`;
    if (candidate !== text && realBirthDate(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A name's words without the specks around them: marks that are not letters
 * go, a word without letters goes ("©", a border read as "1"), and a lone
 * letter stays only when read surely (an initial).
 */
function nameWords(words: BoxedWord[], letter: number): BoxedWord[] {
  return joinedPieces(words, letter)
    .map((w) => ({ ...w, text: w.text.replace(/[^\p{L}'’.,-]/gu, '') }))
    .filter((w) => {
      const letters = (w.text.match(/\p{L}/gu) ?? []).length;
      // A short unsure scrap beside a name is a speck or a border, not part of it.
      if (letters <= 3 && w.confidence < 30) return false;
      return letters >= 2 || (letters === 1 && w.confidence >= UNSURE_BELOW);
    });
}

/**
 * A word OCR cut in two ("JAB LONSKI"): pieces closer than a quarter of a
 * letter's height are one word; a real space is wider than a third. A
 * single letter stays apart: it is more often a border read as an I.
 */
function joinedPieces(words: BoxedWord[], letter: number): BoxedWord[] {
  const out: BoxedWord[] = [];
  for (const w of words) {
    const last = out.at(-1);
    const pieces = last && /\p{L}{2}/u.test(last.text) && /\p{L}{2}/u.test(w.text);
    if (pieces && !/[,.]$/.test(last.text) && w.x0 - last.x1 < letter * 0.25)
      out[out.length - 1] = {
        ...last,
        text: last.text + w.text,
        x1: w.x1,
        confidence: Math.min(last.confidence, w.confidence),
      };
    else out.push(w);
  }
  return out;
}

/** "WALKER. EDITH" is "WALKER, EDITH": OCR often takes a comma for a full stop after a surname. */
function withComma(name: string): string {
  if (name.includes(',')) return name;
  return name.replace(/^(\p{L}[\p{L}'’-]{2,})\.\s+/u, '$1, ');
}

const textOf = (words: BoxedWord[]) => words.map((w) => w.text).join(' ');

export function rowOf(
  cells: Map<CellKey, BoxedWord[]>,
  hasDob: boolean,
  letter: number,
): RowRead | undefined {
  const cellsLeft = new Map(cells);
  let dob = dateOfWords(cells.get('dateOfBirth') ?? []);
  if (!dob) {
    // A date that slid into the neighbouring column (a misplaced or unread DOB title) is taken back.
    for (const [field, words] of cells) {
      if (field === 'dateOfBirth' || field === 'admitDate') continue;
      const found = dateOfWords(words);
      if (!found) continue;
      dob = found;
      cellsLeft.set(
        field,
        words.filter((w) => !found.used.includes(w)),
      );
      break;
    }
  }
  const row: CellRow = {};
  const unsure: RosterField[] = [];
  const confidences: number[] = [];
  const names = new Map<RosterField, BoxedWord[]>();
  for (const [field, words] of cellsLeft) {
    if (field === 'dateOfBirth' || field === 'unread') continue;
    const kept = NAME_FIELDS.has(field)
      ? nameWords(words, letter)
      : words.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
    if (!kept.length) continue;
    if (NAME_FIELDS.has(field)) names.set(field, kept);
    else {
      // A room or number is the part with digits in it, not the specks beside it.
      const withDigits = kept.filter((w) => /\d/.test(w.text));
      const value =
        field === 'roomNumber' || field === 'mrn' ? (withDigits.length ? withDigits : kept) : kept;
      row[field] = textOf(value);
      confidences.push(...value.map((w) => w.confidence));
      if (value.some((w) => w.confidence < UNSURE_BELOW)) unsure.push(field);
    }
  }
  const nameWordsRead = [...names.values()].flat();
  const last = names.get('lastName');
  const first = names.get('firstName');
  const full = names.get('fullName');
  const fullName =
    last && first
      ? `${textOf(last)}, ${textOf(first)}`
      : full
        ? withComma(textOf(full))
        : textOf(last ?? first ?? []);
  const letters = (fullName.match(/\p{L}/gu) ?? []).length;
  const nameConfidence = mean(nameWordsRead.map((w) => w.confidence));
  if (letters < 4 || nameConfidence < 50) return undefined;
  const sureName = nameConfidence >= 85 && nameWordsRead.filter((w) => w.text.length >= 2).length >= 2;
  const dobText = dob ? mendedBirthDate(dob.text) : undefined;
  const dobReal = dobText !== undefined;
  if (hasDob ? !dobReal && !sureName : !sureName) return undefined;
  row.fullName = fullName.replace(/[.,]+$/, '');
  confidences.push(...nameWordsRead.map((w) => w.confidence));
  if (nameWordsRead.some((w) => w.confidence < UNSURE_BELOW)) unsure.push('fullName');
  if (dob) {
    row.dateOfBirth = dobText ?? dob.text;
    confidences.push(...dob.used.map((w) => w.confidence));
    if (dobText !== dob.text || dob.used.some((w) => w.confidence < UNSURE_BELOW)) unsure.push('dateOfBirth');
  } else if (hasDob) unsure.push('dateOfBirth');
  if (Object.keys(row).length < 2) return undefined;
  return { row, unsure, confidences };
}
