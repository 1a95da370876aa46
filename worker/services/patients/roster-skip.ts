/**
 * Lines of a census export that are not residents: blank separators, the
 * header printed again on every page, titles, print stamps, unit headings and
 * totals. They are left out of the rows and listed, so the person sees what
 * was not imported and why.
 */
import { parseHumanDate } from '../../../shared/calendar-date';
import type { RosterField } from '../../../shared/roster/columns';

export type SkippedLine = { line: number; text: string; reason: string };

const TOTALS = /\b(?:grand\s+)?totals?\b|\bcount\b|\bpatients on list\b|\btotal census\b/i;
const STAMP = /\b(?:printed|print date|report|run date|page\s+\d+|confidential|census date|as of|end of)\b/i;
const squash = (v: unknown) =>
  String(v ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function skippedBecause(
  cells: unknown[],
  headers: string[],
  row: Partial<Record<RosterField, unknown>>,
): string | undefined {
  const filled = cells.filter((c) => c !== null && c !== undefined && String(c).trim() !== '');
  if (filled.length === 0) return 'blank line';
  if (filled.length >= 2 && cells.every((c, i) => squash(c) === squash(headers[i]) || squash(c) === ''))
    return 'column titles repeated';
  const hasBirthDate = row.dateOfBirth !== undefined && parseHumanDate(row.dateOfBirth) !== null;
  if (hasBirthDate) return undefined;
  const text = filled.map((c) => String(c)).join(' ');
  if (TOTALS.test(text) || /^\d{1,5}$/.test(String(row.dateOfBirth ?? '').trim())) return 'totals line';
  if (STAMP.test(text)) return 'title, page or print stamp';
  // A resident line has a name and more; one or two cells without a birth date are headings
  // ("Unit: 2 East"), unless they read as a person's name: that resident is kept, to be corrected.
  if (filled.length <= 2 && !looksLikeName(row)) return 'heading or note, not a resident';
  return undefined;
}

function looksLikeName(row: Partial<Record<RosterField, unknown>>): boolean {
  const name = [row.fullName, row.lastName, row.firstName].filter(Boolean).map(String).join(', ');
  return /^[\p{L}'’.-]+(?: [\p{L}'’.-]+)*,\s*[\p{L}'’.-]+(?: [\p{L}'’.-]+)*$/u.test(name.trim());
}
