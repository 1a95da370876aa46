/**
 * The scale bench's leads, brought in as a practice moving from another
 * system would: one CSV of the whole list through `POST /leads/import/preview`
 * and its commit, timed. The rows match the rest of the scale data: names from
 * the same lists, stages and sources round the pipeline, every third lead with
 * the clinic admin as coordinator, inquiries spread over the last year.
 */
import { FIRST, LAST, type ScaleOrg, SOURCES, STAGES } from './scale-seed';

const YEAR_SECONDS = 31_536_000;

/** Rows a file: the whole list in one file, as a practice would send it (set it lower to compare). */
const FILE_ROWS = Number(process.env.BENCH_LEAD_IMPORT_FILE_ROWS ?? Number.POSITIVE_INFINITY);

export function scaleLeadCsv(org: ScaleOrg, from = 0, to = org.rows, now = Date.now()) {
  const lines = ['First Name,Last Name,Email,Phone,Source,Stage,Coordinator,Inquiry Date'];
  for (let i = from; i < to; i++) {
    const inquiry = new Date(now - ((i * 300) % YEAR_SECONDS) * 1000).toISOString();
    lines.push(
      [
        FIRST[i % FIRST.length],
        LAST[Math.floor(i / FIRST.length) % LAST.length],
        `lead${i}@example.test`,
        `555-${1_000_000 + i}`,
        SOURCES[i % SOURCES.length],
        STAGES[i % STAGES.length]![0],
        i % 3 === 0 ? `clinic_admin@${org.tag}.test` : '',
        inquiry,
      ].join(','),
    );
  }
  return lines.join('\n');
}

export type LeadImportTiming = {
  rows: number;
  files: number;
  imported: number;
  previewMs: number;
  commitMs: number;
};

/** Preview then commit of one file through the API, each step timed. */
async function importFile(origin: string, token: string, csv: string, rows: number, key: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const form = new FormData();
  form.append('file', new File([csv], 'leads.csv', { type: 'text/csv' }));
  let t0 = performance.now();
  const preview = await fetch(`${origin}/api/v1/leads/import/preview`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  const checked = (await preview.json()) as { importId?: string; summary?: { valid: number } };
  const previewMs = performance.now() - t0;
  if (!preview.ok || checked.summary?.valid !== rows)
    throw new Error(`Lead import preview failed: ${preview.status} ${JSON.stringify(checked).slice(0, 500)}`);
  t0 = performance.now();
  const commit = await fetch(`${origin}/api/v1/leads/import/${checked.importId}/commit`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({}),
  });
  const text = await commit.text();
  const commitMs = performance.now() - t0;
  if (!commit.ok) throw new Error(`Lead import commit failed: ${commit.status} ${text.slice(0, 300)}`);
  return { imported: (JSON.parse(text) as { imported: number }).imported, previewMs, commitMs };
}

/**
 * Drops the kept-alive connections that went dead while the local runtime was
 * busy: after a request of more than about ten seconds (the 100,000-lead
 * commit), the first request on a connection that sat idle meanwhile is never
 * answered (measured: it waited until the client gave up, while a new
 * connection answered in 10 ms). Each unanswered probe is aborted, which closes
 * its connection; three quick answers in a row mean the pool is healthy again.
 */
async function dropDeadConnections(origin: string) {
  let quick = 0;
  for (let attempt = 0; attempt < 12 && quick < 3; attempt++) {
    const answered = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    quick = answered ? quick + 1 : 0;
  }
}

/** The organisation's lead list through the API, in files of `FILE_ROWS`, preview and commit times summed. */
export async function importScaleLeads(
  origin: string,
  token: string,
  org: ScaleOrg,
): Promise<LeadImportTiming> {
  const total: LeadImportTiming = { rows: org.rows, files: 0, imported: 0, previewMs: 0, commitMs: 0 };
  for (let from = 0; from < org.rows; from += FILE_ROWS) {
    const to = Math.min(org.rows, from + FILE_ROWS);
    const part = await importFile(
      origin,
      token,
      scaleLeadCsv(org, from, to),
      to - from,
      `scale-${org.tag}-${from}`,
    );
    total.files++;
    total.imported += part.imported;
    total.previewMs += part.previewMs;
    total.commitMs += part.commitMs;
  }
  await dropDeadConnections(origin);
  return total;
}
