/** Field-by-field precision and recall, counted the same way for every accuracy set. */
export type Tally = { truth: number; found: number; right: number };
export type Scores = Record<string, Tally>;

const norm = (v: unknown) =>
  v === undefined || v === null
    ? ''
    : String(v)
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');

/** Adds one record: a field counts in `truth` when the truth has it, in `found` when the reader gave it. */
export function tally(
  scores: Scores,
  fields: string[],
  truth: Record<string, unknown>,
  found: Record<string, unknown> | undefined,
) {
  for (const f of fields) {
    const t = norm(truth[f]);
    const p = norm(found?.[f]);
    scores[f] ??= { truth: 0, found: 0, right: 0 };
    const s = scores[f];
    if (t) s.truth++;
    if (p) s.found++;
    if (t && t === p) s.right++;
  }
}

/** Pairs each truth row with the unused found row agreeing on the most fields, so order does not matter. */
export function pairRows<T extends Record<string, unknown>>(
  truth: T[],
  found: Record<string, unknown>[],
  fields: string[],
) {
  const used = new Set<number>();
  return truth.map((t) => {
    let best = -1;
    let bestScore = 0;
    found.forEach((f, i) => {
      if (used.has(i)) return;
      const score = fields.filter((k) => norm(t[k]) && norm(t[k]) === norm(f[k])).length;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) used.add(best);
    return best >= 0 ? found[best] : undefined;
  });
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

export function formatScores(title: string, scores: Scores): string {
  const lines = Object.entries(scores).map(
    ([f, s]) =>
      `  ${f.padEnd(22)} precision ${pct(s.right, s.found).padStart(6)}  recall ${pct(s.right, s.truth).padStart(6)}  (${s.right}/${s.truth} right, ${s.found} given)`,
  );
  return [title, ...lines].join('\n');
}

export const recall = (s: Tally | undefined) => (s?.truth ? s.right / s.truth : 0);
