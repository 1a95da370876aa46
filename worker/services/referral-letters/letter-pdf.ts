import { rgb } from 'pdf-lib';
import { MUTED, newPdf, Writer } from '../intake-pdf/pdf-writer';

export type LetterPdfInput = {
  /** The practice's letterhead: its first line is the name, the rest address and phone. */
  letterhead: string;
  date: string;
  recipient: string[];
  subject: string;
  body: string;
  /** Set in the PDF's metadata only, to find the letter again. */
  letterId: string;
};

const ACCENT = rgb(0.16, 0.35, 0.55);

/**
 * A letter on the practice's letterhead, written with the intake PDF's writer
 * (standard fonts, wrapping and new pages; characters the fonts lack become "?").
 */
export async function renderLetterPdf(input: LetterPdfInput): Promise<Uint8Array> {
  const { doc, fonts } = await newPdf();
  doc.setTitle(input.subject);
  doc.setSubject(`Referral letter ${input.letterId}`);
  const w = new Writer(doc, fonts);

  const [name = '', ...rest] = input.letterhead.split(/\r?\n/).filter((l) => l.trim());
  w.text(name, { font: fonts.bold, size: 16, color: ACCENT });
  for (const l of rest) w.text(l, { size: 9, color: MUTED });
  w.rule();
  w.gap(20);
  w.text(input.date, { size: 11 });
  w.gap(11);
  for (const l of input.recipient) w.text(l, { size: 11 });
  w.gap(11);
  w.text(input.subject, { font: fonts.bold, size: 11 });
  w.gap(8);
  for (const block of input.body.split(/\r?\n/)) {
    if (block.trim()) w.text(block, { size: 11 });
    else w.gap(8);
  }
  return doc.save();
}
