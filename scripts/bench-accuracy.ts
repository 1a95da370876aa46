/**
 * The accuracy part of `npm run bench` (also alone: `npx tsx scripts/bench-accuracy.ts`):
 * the roster images, census exports and inquiries under tests/fixtures/accuracy,
 * read by the project's own readers and scored field by field against their truth.
 * Regenerate the sets with the scripts in scripts/accuracy/. `--rosters` runs the
 * roster images alone (minutes on a busy machine), `--capture` the inquiry set
 * alone (seconds); BENCH_VERBOSE=1 lists each image's missed, wrong and
 * invented rows and each inquiry's fields.
 */
import { scoreCensus } from './accuracy/read-census';
import { CAPTURE_FIELDS, PROVIDER_FIELDS, scoreInquiries } from './accuracy/read-inquiries';
import { scoreRosters } from './accuracy/read-rosters';
import { formatScores, type Scores } from './accuracy/score';
import { formatPanelTimings, panelTimings } from './bench-roster-ocr';

const share = (scores: Scores, fields: string[]) => {
  const right = fields.reduce((n, f) => n + (scores[f]?.right ?? 0), 0);
  const total = fields.reduce((n, f) => n + Math.max(scores[f]?.truth ?? 0, scores[f]?.found ?? 0), 0);
  return total ? right / total : 0;
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const HALVES = {
  clean: 'clean half',
  photo: 'photographed half',
  heldout: 'held-out photos (never looked at while tuning)',
};

/** The capture set: lead fields of messages and pages, referring-provider fields of dentists' pages. */
async function benchCapture() {
  const capture = await scoreInquiries();
  console.log(
    `\n${formatScores(`Inquiry capture (${capture.messages} messages and pages)`, capture.scores)}`,
  );
  console.log(
    `  fields right overall: ${pct(share(capture.scores, [...CAPTURE_FIELDS, ...PROVIDER_FIELDS]))} (lead fields ${pct(share(capture.scores, CAPTURE_FIELDS))}, referring provider fields ${pct(share(capture.scores, PROVIDER_FIELDS))})`,
  );
  return capture;
}

export async function benchAccuracy(reader = process.env.ROSTER_READER ?? 'table', rostersOnly = false) {
  const out: Record<string, unknown> = {};
  const rosters = await scoreRosters(reader);
  for (const [half, r] of Object.entries(rosters)) {
    if (!r.ms.length) continue;
    const ms = [...r.ms].sort((a, b) => a - b);
    const cpu = [...r.cpuMs].sort((a, b) => a - b);
    const s = (list: number[], at: number) => `${(list[at]! / 1000).toFixed(2)} s`;
    const recall = (f: string) => pct((r.scores[f]?.right ?? 0) / (r.scores[f]?.truth || 1));
    console.log(
      `\n${formatScores(`Roster images, ${HALVES[half as keyof typeof HALVES]} (${ms.length} images, reader "${reader}")`, r.scores)}\n  names ${recall('name')}   dates of birth ${recall('dateOfBirth')}   rows invented: ${r.invented}   time per image: median ${s(ms, Math.floor(ms.length / 2))}, max ${s(ms, ms.length - 1)} (Node, one core); CPU time median ${s(cpu, Math.floor(cpu.length / 2))}, max ${s(cpu, cpu.length - 1)}`,
    );
    out[`roster_${half}`] = r;
  }
  const panel = panelTimings();
  console.log(`  ${formatPanelTimings(panel)}`);
  out.roster_panel = panel;
  if (rostersOnly) return out;
  const census = scoreCensus();
  console.log(`\n${formatScores(`Census exports (${census.files} files)`, census.scores)}`);
  console.log(
    `  non-resident lines left out: ${census.leftOut}/${census.notResidents}   rows with errors showing first and last name: ${census.errorRowsWithName}/${census.errorRows}   files refused: ${census.unreadable.length ? census.unreadable.join(', ') : 'none'}`,
  );
  out.census = census;
  out.capture = await benchCapture();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const result = process.argv.includes('--capture')
    ? { capture: await benchCapture() }
    : await benchAccuracy(undefined, process.argv.includes('--rosters'));
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/bench-accuracy.json', JSON.stringify(result, null, 2));
}
