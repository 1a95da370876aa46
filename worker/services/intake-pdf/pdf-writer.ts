/**
 * A simple flowing PDF writer on pdf-lib with the standard fonts (nothing is
 * loaded at run time): text wrapped to the page, new pages as needed, rules
 * and images. Characters the fonts cannot draw become "?" rather than failing.
 */
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

export const PAGE = { width: 612, height: 792, margin: 54 }; // US Letter, 0.75 in margins
export const INK = rgb(0.1, 0.12, 0.16);
export const MUTED = rgb(0.33, 0.37, 0.42);
export const RULE = rgb(0.8, 0.83, 0.87);

export type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

/** Text the standard fonts can draw: other characters become "?", controls become spaces. */
export function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code < 32 || code === 127) out += ' ';
    else out += supported.has(code) ? char : '?';
  }
  return out;
}

/** Lines no wider than `width`: words kept whole when they fit, long ones broken. */
export function wrapText(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of drawable(font, paragraph).split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export class Writer {
  page: PDFPage;
  y: number;
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  room(height: number) {
    if (this.y - height >= PAGE.margin) return;
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  text(text: string, options: { font?: PDFFont; size?: number; color?: typeof INK; indent?: number } = {}) {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of wrapText(font, size, text, PAGE.width - 2 * PAGE.margin - indent)) {
      this.room(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: PAGE.margin + indent,
        y: this.y + size * 0.25,
        size,
        font,
        color: options.color ?? INK,
      });
    }
  }

  gap(points: number) {
    this.y -= points;
  }

  rule() {
    this.room(8);
    this.y -= 4;
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.width - PAGE.margin, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
    this.y -= 4;
  }

  image(image: PDFImage, maxWidth: number, maxHeight: number, indent = 0) {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const [width, height] = [image.width * scale, image.height * scale];
    this.room(height + 4);
    this.y -= height + 4;
    this.page.drawImage(image, { x: PAGE.margin + indent, y: this.y, width, height });
  }
}

/** A new document with the standard fonts embedded. */
export async function newPdf() {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  doc.setProducer('Sidecar CRM');
  return { doc, fonts };
}
