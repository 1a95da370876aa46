import type { DisclosureList } from '../../../shared/schemas/records-disclosures';
import { MUTED, newPdf, Writer } from '../intake-pdf/pdf-writer';

const METHOD_LABELS: Record<string, string> = {
  secure_link: 'Secure link',
  email: 'Email',
  mail: 'Mail',
  fax: 'Fax',
  pick_up: 'Pick-up',
};

const recipientOf = (d: DisclosureList['items'][number]) =>
  [d.recipientName, d.recipientOrganization].filter(Boolean).join(', ');

/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ or tab defused
 * with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function disclosuresCsv(list: DisclosureList): string {
  const header = [
    'Released at',
    'Recipient',
    'Sent to',
    'What was released',
    'Purpose',
    'Method',
    'To the patient',
  ];
  const rows = list.items.map((d) => [
    d.releasedAt,
    recipientOf(d),
    d.recipientAddress,
    d.description,
    d.purpose,
    METHOD_LABELS[d.method] ?? d.method,
    d.toPatient ? 'yes' : 'no',
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function disclosuresPdf(list: DisclosureList, practiceName: string, now = new Date()) {
  const { doc, fonts } = await newPdf();
  doc.setTitle(`Accounting of disclosures: ${list.patientName}`);
  doc.setCreationDate(now);
  const w = new Writer(doc, fonts);
  w.text('Accounting of disclosures', { font: fonts.bold, size: 18 });
  w.text(`${list.patientName} · ${practiceName}`, { size: 12 });
  w.text(
    `Prepared ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${list.items.length} disclosures`,
    {
      size: 8,
      color: MUTED,
    },
  );
  w.rule();
  if (!list.items.length) w.text('No records of this patient have been released.');
  for (const d of list.items) {
    w.gap(6);
    w.text(`${d.releasedAt.slice(0, 10)} · ${recipientOf(d)}`, { font: fonts.bold, size: 11 });
    w.text(`What: ${d.description}`, { indent: 12 });
    w.text(`Why: ${d.purpose}`, { indent: 12 });
    w.text(
      `How: ${METHOD_LABELS[d.method] ?? d.method}${d.recipientAddress ? ` to ${d.recipientAddress}` : ''}${
        d.toPatient ? ' (to the patient)' : ''
      }`,
      { indent: 12, color: MUTED },
    );
  }
  return doc.save();
}
