import type { MonthCount } from '../../../shared/schemas/referral-analytics';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/**
 * Referrals per month as columns, the part that started treatment darker.
 * The SVG scales to its box (never wider than 320 px); the label and the
 * caption say the figures for screen readers and for reading.
 */
export function MonthColumns({ months, testId }: { months: MonthCount[]; testId: string }) {
  const max = Math.max(1, ...months.map((m) => m.referrals));
  const total = months.reduce((n, m) => n + m.referrals, 0);
  const w = 24;
  return (
    <figure class="chart" data-testid={testId}>
      <figcaption>Referrals per month, last 12 months (darker: started treatment)</figcaption>
      {total === 0 ? (
        <p class="muted small">No referrals in these months.</p>
      ) : (
        <svg
          viewBox={`0 0 ${months.length * w} 60`}
          class="columns"
          style={{ maxWidth: '320px', width: '100%' }}
          role="img"
          aria-label={months
            .map((m) => `${monthName(m.month)}: ${m.referrals} referred, ${m.conversions} started`)
            .join('; ')}
        >
          {months.map((m, i) => {
            const h = (m.referrals / max) * 56;
            const c = (m.conversions / max) * 56;
            return (
              <g key={m.month}>
                <rect x={i * w + 2} y={58 - h} width={w - 4} height={h} opacity={0.35} />
                <rect x={i * w + 2} y={58 - c} width={w - 4} height={c} />
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

/** One bar per referrer, its figure written beside it; at most 320 px wide. */
export function ReferrerBars(props: {
  label: string;
  rows: { key: string; name: string; value: number; text: string }[];
  testId: string;
}) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const row = 22;
  return (
    <svg
      data-testid={props.testId}
      viewBox={`0 0 320 ${props.rows.length * row}`}
      style={{ maxWidth: '320px', width: '100%' }}
      role="img"
      aria-label={`${props.label}: ${props.rows.map((r) => `${r.name} ${r.text}`).join('; ')}`}
    >
      {props.rows.map((r, i) => (
        <g key={r.key}>
          <rect x={0} y={i * row + 3} width={Math.max(2, (r.value / max) * 150)} height={row - 8} />
          <text x={156} y={i * row + 15} font-size="11">
            {r.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
