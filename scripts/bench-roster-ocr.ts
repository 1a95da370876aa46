/**
 * The roster photo's reading time in the panel for `npm run bench`: recorded
 * by the end-to-end test (tests/e2e/roster-photo-timing.test.ts) from
 * choosing the photo to its rows in the review, in real Chromium; a browser
 * is not started here.
 */
import { existsSync, readFileSync } from 'node:fs';

export const ROSTER_OCR_TRACE = '.tmp/traces/roster-ocr.json';
/** The goal for one photo, in the panel. */
export const PANEL_GOAL_MS = 5000;

export type PanelTimings = {
  timings: { image: string; ms: number }[];
  at: string;
  load?: number;
  cores?: number;
};

export function panelTimings(): PanelTimings | null {
  return existsSync(ROSTER_OCR_TRACE)
    ? (JSON.parse(readFileSync(ROSTER_OCR_TRACE, 'utf8')) as PanelTimings)
    : null;
}

export function formatPanelTimings(trace: PanelTimings | null): string {
  if (!trace)
    return 'time per photo in the panel: no trace yet (the e2e test tests/e2e/roster-photo-timing.test.ts records it)';
  const slowest = Math.max(...trace.timings.map((t) => t.ms));
  return `time per photo in the panel (Chromium, photo chosen → rows in the review, e2e trace of ${trace.at}): ${trace.timings
    .map((t) => `${t.image} ${(t.ms / 1000).toFixed(2)} s`)
    .join(', ')}; slowest ${(slowest / 1000).toFixed(2)} s (goal < ${PANEL_GOAL_MS / 1000} s)${
    trace.load === undefined
      ? ''
      : `; machine load ${trace.load.toFixed(1)} on ${trace.cores} cores while timed`
  }`;
}
