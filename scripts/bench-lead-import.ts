/**
 * The scale bench's leads, brought in as a practice moving from another
 * system would: one CSV of the whole list through `POST /leads/import/preview`
 * and its commit, timed. The rows match the rest of the scale data: names from
 * the same lists, stages and sources round the pipeline, every third lead with
 * the clinic admin as coordinator, inquiries spread over the last year.
 */
import { FIRST, LAST, type ScaleOrg, SOURCES, STAGES } from './scale-seed';

const YEAR_SECONDS = 31_536_000;

export function scaleLeadCsv(org: ScaleOrg, now = Date.now()) {
  const lines = ['First Name,Last Name,Email,Phone,Source,Stage,Coordinator,Inquiry Date'];
  for (let i = 0; i < org.rows; i++) {
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

export type LeadImportTiming = { rows: number; imported: number; previewMs: number; commitMs: number };

/** Preview then commit of the organisation's lead list through the API, each step timed. */
export async function importScaleLeads(
  origin: string,
  token: string,
  org: ScaleOrg,
): Promise<LeadImportTiming> {
  const auth = { Authorization: `Bearer ${token}` };
  const form = new FormData();
  form.append('file', new File([scaleLeadCsv(org)], 'leads.csv', { type: 'text/csv' }));
  let t0 = performance.now();
  const preview = await fetch(`${origin}/api/v1/leads/import/preview`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  const checked = (await preview.json()) as { importId?: string; summary?: { valid: number } };
  const previewMs = performance.now() - t0;
  if (!preview.ok || checked.summary?.valid !== org.rows)
    throw new Error(`Lead import preview failed: ${preview.status} ${JSON.stringify(checked).slice(0, 500)}`);
  t0 = performance.now();
  const commit = await fetch(`${origin}/api/v1/leads/import/${checked.importId}/commit`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `scale-${org.tag}` },
    body: JSON.stringify({}),
  });
  const done = (await commit.json()) as { imported?: number };
  const commitMs = performance.now() - t0;
  if (!commit.ok) throw new Error(`Lead import commit failed: ${commit.status} ${JSON.stringify(done)}`);
  return { rows: org.rows, imported: done.imported ?? 0, previewMs, commitMs };
}
