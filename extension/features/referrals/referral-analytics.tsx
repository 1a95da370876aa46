import { useModel } from '@preact/signals';
import type { ReferralStats } from '../../../shared/schemas/referral-analytics';
import { ReferralAnalyticsModel } from './referral-analytics-model';
import { MonthColumns, ReferrerBars } from './referral-charts';

export const PERIODS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
];

const money = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function trend(t: number | null) {
  if (t === null) return 'no referrals in the period before';
  if (t === 0) return 'as many as the period before';
  return `${t > 0 ? '+' : ''}${t}% against the period before`;
}

/** The figures of one scope (the practice, a provider) for a period, in a few short lines. */
export function StatsSummary({ stats, testId }: { stats: ReferralStats; testId: string }) {
  return (
    <dl class="small" data-testid={testId}>
      <dt>Referrals received</dt>
      <dd>
        <strong>{stats.referrals}</strong> ({trend(stats.trendPercent)})
      </dd>
      <dt>Consultations · started treatment</dt>
      <dd>
        {stats.consultations} · {stats.conversions} ({stats.conversionRate}% conversion)
      </dd>
      <dt>Average days</dt>
      <dd>
        referral → consultation {stats.averageDaysToConsultation ?? '–'} · consultation → start{' '}
        {stats.averageDaysConsultationToStart ?? '–'}
      </dd>
      {stats.revenueCents !== null ? (
        <>
          <dt>Revenue entered</dt>
          <dd>{money(stats.revenueCents)}</dd>
        </>
      ) : null}
      <dt>Last referral</dt>
      <dd>{stats.lastReferralDate ?? 'none yet'}</dd>
    </dl>
  );
}

/** A practice's name that opens its figures. */
export function PracticeLink(props: { id: string; name: string; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      class="link small"
      aria-label={`Practice analytics: ${props.name}`}
      onClick={() => props.onOpen(props.id)}
    >
      {props.name}
    </button>
  );
}

/** The period the figures cover: the last 30 or 90 days or 12 months. */
export function PeriodSelect(props: { days: number; onChoose: (days: number) => void }) {
  return (
    <select
      value={props.days}
      onChange={(e) => props.onChoose(Number(e.currentTarget.value))}
      aria-label="Period"
    >
      {PERIODS.map((p) => (
        <option value={p.days} key={p.days}>
          {p.label}
        </option>
      ))}
    </select>
  );
}

/** Referral analytics for a period: totals with trend, months, top and cooling referrers. */
export function ReferralAnalyticsView(props: {
  onBack: () => void;
  onOpen: (providerId: string) => void;
  onOpenPractice: (practiceId: string) => void;
}) {
  const model = useModel(ReferralAnalyticsModel);
  const data = model.data.value;
  const error = model.error.value;
  return (
    <section class="area" data-testid="referral-analytics">
      <button type="button" class="link" onClick={props.onBack}>
        ← Directory
      </button>
      <div class="row-between">
        <h3>Referral analytics</h3>
        <PeriodSelect days={model.days.value} onChoose={model.choosePeriod} />
      </div>
      {error ? (
        <p class="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {!data ? (
        error ? null : (
          <p class="muted">Loading…</p>
        )
      ) : (
        <>
          <StatsSummary stats={data.totals} testId="referral-totals" />
          <MonthColumns months={data.monthly} testId="chart-referral-months" />
          <h4>Top referrers</h4>
          <p class="muted small">{data.definitions.top}</p>
          {data.top.length === 0 ? (
            <p class="empty">No referrals received in this period.</p>
          ) : (
            <>
              <ReferrerBars
                label="Referrals in the period"
                testId="chart-top-referrers"
                rows={data.top.map((t) => ({
                  key: t.providerId,
                  name: t.name,
                  value: t.referrals,
                  text: `${t.referrals} (${t.conversions} started)`,
                }))}
              />
              <ol class="list" aria-label="Top referrers" data-testid="top-referrers">
                {data.top.map((t) => (
                  <li key={t.providerId}>
                    <button type="button" class="row-link" onClick={() => props.onOpen(t.providerId)}>
                      <strong>{t.name}</strong>
                      <span class="muted small">
                        {t.referrals} referred, {t.conversions} started ({t.conversionRate}%) ·{' '}
                        {t.previousReferrals} the period before
                      </span>
                    </button>
                    <PracticeLink id={t.practiceId} name={t.practiceName} onOpen={props.onOpenPractice} />
                  </li>
                ))}
              </ol>
            </>
          )}
          <h4>Cooling referrers</h4>
          <p class="muted small">{data.definitions.cooling}</p>
          {data.cooling.length === 0 ? (
            <p class="empty">No referrer has dropped below half their usual.</p>
          ) : (
            <ul class="list" aria-label="Cooling referrers" data-testid="cooling-referrers">
              {data.cooling.map((c) => (
                <li key={c.providerId}>
                  <button type="button" class="row-link" onClick={() => props.onOpen(c.providerId)}>
                    <strong>{c.name}</strong>
                    <span class="muted small">
                      {c.referrals} now against {c.usual} usually (−{c.dropPercent}%) · last{' '}
                      {c.lastReferralDate ?? 'never'}
                    </span>
                  </button>
                  <PracticeLink id={c.practiceId} name={c.practiceName} onOpen={props.onOpenPractice} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
