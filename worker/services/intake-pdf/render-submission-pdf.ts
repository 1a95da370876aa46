/**
 * The signed intake form as a PDF, for the practice's records: every section
 * and field the person saw with their answer, the consent text they agreed
 * to, and for each signature the drawn image (or typed name), who signed,
 * when, from which address and browser, and the SHA-256 of the consent text
 * shown. Standard PDF fonts, so nothing is loaded at run time; characters
 * those fonts cannot draw are replaced with "?" rather than failing the render.
 */
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
import { drawable, MUTED, newPdf, PAGE, Writer } from './pdf-writer';

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
  /** The lead or patient the form is about: a guardian signs for them. */
  subjectName?: string | null;
  signatures: SignatureEvidence[];
};

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
  subjectName: string | null,
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
    // Whom the guardian signs for, so the record never reads as signing for themselves.
    if (subjectName) w.text(`On behalf of: ${subjectName}`, { indent });
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
  const { doc, fonts } = await newPdf();
  const { definition, answers } = input;
  doc.setTitle(drawable(fonts.regular, definition.title));
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
        await writeSignature(
          w,
          value as SignatureAnswer,
          evidenceOf.get(field.id),
          input.subjectName ?? null,
        );
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
