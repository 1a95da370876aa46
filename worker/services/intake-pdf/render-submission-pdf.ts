/**
 * The signed intake form as a PDF, for the practice's records: every section
 * and field the person saw with their answer, the consent text they agreed
 * to, and for each signature the drawn image (or typed name), who signed,
 * when, from which address and browser, and the SHA-256 of the consent text
 * shown. Standard PDF fonts, so nothing is loaded at run time; characters
 * those fonts cannot draw are replaced with "?" rather than failing the render.
 */
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { DRAWN_SIGNATURE_PREFIX } from '../../../shared/intake/answer-checks';
import type {
  Answers,
  AnswerValue,
  Field,
  FileAnswer,
  FormDefinition,
  SignatureAnswer,
} from '../../../shared/intake/definition';
import { visibleFields, visibleSections } from '../../../shared/intake/engine';

/** What the submission recorded about one signature. */
export type SignatureEvidence = {
  fieldId: string;
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 (hex or base64url, as recorded) of the consent text shown with the signature. */
  consentTextHash: string | null;
};

export type SubmissionPdfInput = {
  submissionId: string;
  definition: FormDefinition;
  /** The submitted answers (hidden fields have none). */
  answers: Answers;
  submittedAt: string;
  /** "Version 3" of the template the form was pinned to. */
  templateVersion: string;
  practiceName?: string;
  signatures: SignatureEvidence[];
};

const PAGE = { width: 612, height: 792, margin: 54 }; // US Letter, 0.75 in margins
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.33, 0.37, 0.42);
const RULE = rgb(0.8, 0.83, 0.87);

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

/** Text the standard fonts can draw: other characters become "?", controls become spaces. */
function drawable(font: PDFFont, text: string): string {
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

class Writer {
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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function optionLabel(field: Field, value: string): string {
  return field.options?.find((o) => o.value === value)?.label ?? value;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** One answer as words, for every type but signatures (drawn apart). */
export function answerText(field: Field, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Not answered';
  switch (field.type) {
    case 'yes_no':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'consent':
      return value === true ? 'Agreed' : 'Not agreed';
    case 'single_choice':
      return typeof value === 'string' ? optionLabel(field, value) : String(value);
    case 'multiple_choice':
      return Array.isArray(value) ? value.map((v) => optionLabel(field, v)).join('; ') : String(value);
    case 'file': {
      const file = value as FileAnswer;
      return isRecord(value) ? `File: ${file.name} (${file.contentType}, ${sizeText(file.size)})` : 'File';
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function dataUrlBytes(url: string): Uint8Array | null {
  if (!url.startsWith(DRAWN_SIGNATURE_PREFIX)) return null;
  try {
    const binary = atob(url.slice(DRAWN_SIGNATURE_PREFIX.length));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function writeSignature(
  w: Writer,
  signature: SignatureAnswer,
  evidence: SignatureEvidence | undefined,
) {
  const indent = 12;
  if (signature.kind === 'drawn') {
    const bytes = dataUrlBytes(signature.value);
    const image = bytes ? await w.doc.embedPng(bytes).catch(() => null) : null;
    if (image) w.image(image, 220, 80, indent);
    else w.text('(The drawn signature could not be reproduced.)', { indent, color: MUTED });
  } else {
    w.text(signature.value, { font: w.fonts.italic, size: 18, indent });
    w.text('Typed signature', { size: 8, color: MUTED, indent });
  }
  w.text(`Signed by: ${signature.signerName}`, { indent });
  if (signature.guardian) {
    w.text(`Parent or guardian: ${signature.guardian.name} (${signature.guardian.relationship})`, { indent });
  }
  if (evidence) {
    const details = [
      `Signed at: ${evidence.signedAt}`,
      `IP address: ${evidence.ip ?? 'unknown'}`,
      `Browser: ${evidence.userAgent ?? 'unknown'}`,
      ...(evidence.consentTextHash ? [`SHA-256 of the consent text shown: ${evidence.consentTextHash}`] : []),
    ];
    for (const line of details) w.text(line, { size: 8, color: MUTED, indent });
  }
}

export async function renderSubmissionPdf(input: SubmissionPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const { definition, answers } = input;
  doc.setTitle(drawable(fonts.regular, definition.title));
  doc.setProducer('Sidecar CRM');
  doc.setCreationDate(new Date(input.submittedAt));

  const w = new Writer(doc, fonts);
  w.text(definition.title, { font: fonts.bold, size: 18 });
  if (input.practiceName) w.text(input.practiceName, { size: 12 });
  w.text(`Submitted ${input.submittedAt} · ${input.templateVersion} · Submission ${input.submissionId}`, {
    size: 8,
    color: MUTED,
  });
  w.rule();

  const shown = new Set(visibleFields(definition, answers).map((f) => f.id));
  const evidenceOf = new Map(input.signatures.map((s) => [s.fieldId, s]));
  for (const section of visibleSections(definition, answers)) {
    w.gap(6);
    w.text(section.title, { font: fonts.bold, size: 13 });
    for (const field of section.fields) {
      if (!shown.has(field.id)) continue;
      const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
      w.gap(4);
      w.text(field.label, { font: fonts.bold, size: 10 });
      if (field.type === 'consent' && field.text) {
        w.text(field.text, { size: 8.5, color: MUTED, indent: 12 });
      }
      if (field.type === 'signature' && isRecord(value)) {
        await writeSignature(w, value as SignatureAnswer, evidenceOf.get(field.id));
      } else {
        w.text(answerText(field, value), { indent: 12 });
      }
    }
    w.rule();
  }

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    page.drawText(`Page ${i + 1} of ${pages.length}`, {
      x: PAGE.width - PAGE.margin - 60,
      y: PAGE.margin / 2,
      size: 8,
      font: fonts.regular,
      color: MUTED,
    });
  });
  return doc.save();
}
