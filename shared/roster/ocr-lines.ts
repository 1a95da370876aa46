/**
 * Rows from the lines OCR read off a photographed roster. Printed rosters put
 * one resident on a line: the name, a date of birth, then the room. Lines
 * without a date (titles, headers, footers) are skipped. A field built from a
 * word the OCR was unsure of is reported, so the review can highlight it.
 */
export type OcrWord = { text: string; confidence: number };
export type OcrLine = { words: OcrWord[] };

export type OcrRow = { fullName?: string; dateOfBirth?: string; roomNumber?: string };
export type UnsureCell = { row: number; field: 'fullName' | 'dateOfBirth' | 'roomNumber' };

const DATE = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/;
/** Table borders read as bars and brackets, not text. */
const BORDER = /^[|[\]{}()!_—–-]+$/;

export const UNSURE_BELOW = 80;

export function rowsFromOcrLines(lines: OcrLine[]): { rows: OcrRow[]; unsure: UnsureCell[] } {
  const rows: OcrRow[] = [];
  const unsure: UnsureCell[] = [];
  for (const line of lines) {
    const words = line.words
      .map((w) => ({ ...w, text: w.text.replace(/^\|+|\|+$/g, '') }))
      .filter((w) => w.text && !BORDER.test(w.text));
    const at = words.findIndex((w) => DATE.test(w.text));
    if (at <= 0) continue;
    const name = words.slice(0, at);
    const room = words.slice(at + 1, at + 2);
    const index = rows.length;
    rows.push({
      fullName: name.map((w) => w.text).join(' '),
      dateOfBirth: words[at]!.text,
      ...(room.length ? { roomNumber: room[0]!.text } : {}),
    });
    if (name.some((w) => w.confidence < UNSURE_BELOW)) unsure.push({ row: index, field: 'fullName' });
    if (words[at]!.confidence < UNSURE_BELOW) unsure.push({ row: index, field: 'dateOfBirth' });
    if (room.some((w) => w.confidence < UNSURE_BELOW)) unsure.push({ row: index, field: 'roomNumber' });
  }
  return { rows, unsure };
}
