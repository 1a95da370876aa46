import { useModel } from '@preact/signals';
import { Bars } from '../../ui/bars';
import { LeadAnalyticsModel } from './lead-analytics-model';
import type { Coordinator, LeadAnalytics } from './lead-api-types';

const PERIODS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
];

/** New leads per week as small columns, with the busiest week named. */
function Weeks({ weeks }: { weeks: LeadAnalytics['newLeads'] }) {
  const max = Math.max(1, ...weeks.map((w) => w.leads));
  const busiest = weeks.reduce<(typeof weeks)[number] | null>(
    (a, w) => (!a || w.leads > a.leads ? w : a),
    null,
  );
  return (
    <figure class="chart" data-testid="chart-new-leads">
      <figcaption>New leads per week</figcaption>
      {weeks.length === 0 ? (
        <p class="muted small">No new leads in this period.</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${weeks.length * 12} 40`}
            class="columns"
            role="img"
            aria-label={weeks.map((w) => `week of ${w.week}: ${w.leads}`).join('; ')}
          >
            {weeks.map((w, i) => {
              const h = Math.max(1, (w.leads / max) * 38);
              return <rect key={w.week} x={i * 12 + 1} y={40 - h} width={10} height={h} />;
            })}
          </svg>
          <p class="muted small">
            {weeks.length} week(s) · busiest: week of {busiest?.week} ({busiest?.leads})
          </p>
        </>
      )}
    </figure>
  );
}

/** The leads dashboard for a period: funnel, conversion by source and coordinator, time in stage, volume. */
export function LeadAnalyticsView({
  coordinators,
  onBack,
}: {
  coordinators: Coordinator[];
  onBack: () => void;
}) {
  const model = useModel(LeadAnalyticsModel);
  const days = model.days.value;
  const data = model.data.value;
  const error = model.error.value;

  const name = (id: string | null) =>
    id ? (coordinators.find((c) => c.id === id)?.name ?? 'Former member') : 'Unassigned';

  return (
    <section class="area" data-testid="lead-analytics">
      <button type="button" class="link" onClick={onBack}>
        ← Pipeline
      </button>
      <div class="row-between">
        <h3>Analytics</h3>
        <label class="inline">
          <span class="sr-only">Period</span>
          <select
            value={days}
            onChange={(e) => model.choosePeriod(Number(e.currentTarget.value))}
            aria-label="Period"
          >
            {PERIODS.map((p) => (
              <option value={p.days} key={p.days}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {!data ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <p data-testid="analytics-totals">
            <strong>{data.totals.leads}</strong> new {data.totals.leads === 1 ? 'lead' : 'leads'},{' '}
            <strong>{data.totals.won}</strong> won: <strong>{data.totals.conversionRate}%</strong> conversion.
          </p>
          <Bars
            label="Where this period's leads are now"
            testId="chart-funnel"
            rows={data.funnel.map((s) => ({
              key: s.stageId,
              name: s.name,
              value: s.leads,
              text: String(s.leads),
            }))}
          />
          <Bars
            label="Conversion by source"
            testId="chart-sources"
            max={100}
            rows={data.bySource.map((s) => ({
              key: s.sourceId ?? 'none',
              name: s.name,
              value: s.conversionRate,
              text: `${s.conversionRate}% (${s.won} of ${s.leads})`,
            }))}
          />
          <Bars
            label="Conversion by coordinator"
            testId="chart-coordinators"
            max={100}
            rows={data.byCoordinator.map((c) => ({
              key: c.coordinatorId ?? 'none',
              name: name(c.coordinatorId),
              value: c.conversionRate,
              text: `${c.conversionRate}% (${c.won} of ${c.leads})`,
            }))}
          />
          <Bars
            label="Average days in stage before moving on"
            testId="chart-time-in-stage"
            rows={data.timeInStage
              .filter((s) => s.averageDays !== null)
              .map((s) => ({
                key: s.stageId,
                name: s.name,
                value: s.averageDays ?? 0,
                text: `${s.averageDays} d (${s.moves} move(s))`,
              }))}
          />
          <Weeks weeks={data.newLeads} />
        </>
      )}
    </section>
  );
}
