import { z } from 'zod';

// Control characters spoof or break what staff read and what exports write
// (a NUL ends a C string; U+202E turns "gpj.exe" around), so text fields refuse
// them outright instead of storing them escaped. Line breaks and tabs are only
// allowed in multi-line text.
const BIDI_CONTROLS = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const SINGLE_LINE_FORBIDDEN = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}]`, 'u');
const MULTI_LINE_FORBIDDEN = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}]`,
  'u',
);

export const CONTROL_MESSAGE = 'Remove control or text-direction characters';

/** For text checked outside a schema (intake answers): true when it holds a refused character. */
export function hasForbiddenCharacters(value: string, multiLine: boolean): boolean {
  return (multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

/**
 * One line of text a person typed (a name, a title): trimmed, NFC-normalised so
 * "é" typed two ways compares equal, at most `max` characters, no control or
 * bidirectional-override characters.
 */
export function singleLineText(max = 200) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .refine((v) => !SINGLE_LINE_FORBIDDEN.test(v), CONTROL_MESSAGE);
}

/** A required `singleLineText`: empty after trimming is refused with `emptyMessage`. */
export function requiredText(emptyMessage: string, max = 200) {
  return z
    .string({ message: emptyMessage })
    .trim()
    .normalize('NFC')
    .min(1, emptyMessage)
    .max(max)
    .refine((v) => !SINGLE_LINE_FORBIDDEN.test(v), CONTROL_MESSAGE);
}

/** Notes and letters: line breaks and tabs allowed, other controls refused. */
export function multiLineText(max = 20_000) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .refine((v) => !MULTI_LINE_FORBIDDEN.test(v), CONTROL_MESSAGE);
}
