import { CATEGORY_LABELS, type ServiceCategory } from '../../../shared/facility-terms';
import type { FacilityDemandMonths } from '../../../shared/schemas/facilities';

/** "1 patient", "3 patients". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthName = (month: string) =>
  `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

type Month = FacilityDemandMonths['months'][number];

/**
 * Patients served each month as columns (of one category when one is chosen).
 * The SVG scales to its box; the label and the line under it say the figures
 * for screen readers and for reading.
 */
export function DemandMonths({ months, category }: { months: Month[]; category: ServiceCategory | '' }) {
  const figures = months.map((m) => ({ month: m.month, ...(category ? m.categories[category] : m) }));
  const max = Math.max(1, ...figures.map((f) => f.patients));
  const busiest = figures.reduce((a, f) => (f.patients > a.patients ? f : a), figures[0]!);
  const w = 20;
  const what = category ? `${CATEGORY_LABELS[category]} patients` : 'Patients with services';
  return (
    <figure class="chart" data-testid="demand-months">
      <figcaption>
        {what} per month, last {months.length} months
      </figcaption>
      {busiest.patients === 0 ? (
        <p class="muted small">Nobody had these services in these months.</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${figures.length * w} 60`}
            class="columns demand-columns"
            role="img"
            aria-label={figures
              .map((f) => `${monthName(f.month)}: ${f.patients} patients, ${f.services} services`)
              .join('; ')}
          >
            {figures.map((f, i) => {
              const h = Math.max(f.patients ? 2 : 0, (f.patients / max) * 56);
              return <rect key={f.month} x={i * w + 2} y={58 - h} width={w - 4} height={h} />;
            })}
          </svg>
          <p class="muted small demand-axis">
            <span>{monthName(figures[0]!.month)}</span>
            <span>{monthName(figures[figures.length - 1]!.month)}</span>
          </p>
          <p class="small">
            Busiest: {monthName(busiest.month)}, {plural(busiest.patients, 'patient')} and{' '}
            {plural(busiest.services, 'service')}. This month:{' '}
            {plural(figures[figures.length - 1]!.patients, 'patient')}.
          </p>
        </>
      )}
    </figure>
  );
}
