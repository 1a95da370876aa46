import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { wrapText } from '../intake-pdf/pdf-writer';

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

const PAGE = { width: 612, height: 792, margin: 72 }; // US Letter, 1 in margins
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.33, 0.37, 0.42);
const ACCENT = rgb(0.16, 0.35, 0.55);

/**
 * A letter on the practice's letterhead, in the standard fonts (nothing
 * loaded at run time; characters they lack become "?", as in the intake PDF).
 */
export async function renderLetterPdf(input: LetterPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.subject);
  doc.setSubject(`Referral letter ${input.letterId}`);
  doc.setProducer('Sidecar CRM');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;

  const line = (text: string, font: PDFFont, size: number, color = INK) => {
    if (y < PAGE.margin + size) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
    page.drawText(text, { x: PAGE.margin, y: y - size, size, font, color });
    y -= size * 1.45;
  };
  const paragraph = (text: string, font: PDFFont, size: number, color = INK) => {
    for (const l of wrapText(font, size, text, width)) line(l, font, size, color);
  };

  const [name = '', ...rest] = input.letterhead.split(/\r?\n/).filter((l) => l.trim());
  paragraph(name, bold, 16, ACCENT);
  for (const l of rest) paragraph(l, regular, 9, MUTED);
  y -= 4;
  page.drawLine({
    start: { x: PAGE.margin, y },
    end: { x: PAGE.width - PAGE.margin, y },
    thickness: 1,
    color: ACCENT,
  });
  y -= 24;
  paragraph(input.date, regular, 11);
  y -= 11;
  for (const l of input.recipient) paragraph(l, regular, 11);
  y -= 11;
  paragraph(input.subject, bold, 11);
  y -= 8;
  for (const block of input.body.split(/\r?\n/)) {
    if (block.trim()) paragraph(block, regular, 11);
    else y -= 8;
  }
  return doc.save();
}
