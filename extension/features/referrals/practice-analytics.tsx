import { useModel } from '@preact/signals';
import { formatDate } from '../../../shared/locale-dates';
import { PeriodSelect, StatsSummary } from './referral-analytics';
import { PracticeAnalyticsModel } from './referral-analytics-model';
import { MonthColumns, ReferrerBars } from './referral-charts';

/** A practice's referral figures: all of its providers together for a period, then each one's share. */
export function PracticeAnalyticsView(props: {
  practiceId: string;
  backLabel: string;
  onBack: () => void;
  onOpen: (providerId: string) => void;
}) {
  const model = useModel(() => new PracticeAnalyticsModel(props.practiceId));
  const data = model.data.value;
  const error = model.error.value;
  const sending = data?.providers.filter((p) => p.referrals > 0) ?? [];
  return (
    <section class="area" aria-labelledby="practice-title" data-testid="practice-analytics">
      <button type="button" class="link" onClick={props.onBack}>
        ← {props.backLabel}
      </button>
      <div class="row-between">
        <h3 id="practice-title">{data ? data.practice.name : 'Practice'}</h3>
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
          {data.stats.referrals === 0 ? (
            <p class="empty" data-testid="practice-empty">
              No referrals from this practice in this period
              {data.stats.lastReferralDate ? ` (last one ${formatDate(data.stats.lastReferralDate)}).` : '.'}
            </p>
          ) : null}
          <StatsSummary stats={data.stats} testId="practice-stats" />
          <MonthColumns months={data.monthly} testId="chart-practice-months" />
          <h4>Providers at this practice</h4>
          {sending.length ? (
            <ReferrerBars
              label="Referrals in the period, by provider"
              testId="chart-practice-providers"
              rows={sending.map((p) => ({
                key: p.providerId,
                name: p.name,
                value: p.referrals,
                text: `${p.referrals} (${p.conversions} started)`,
              }))}
            />
          ) : null}
          <ul class="list" aria-label="Providers at this practice" data-testid="practice-providers">
            {data.providers.map((p) => (
              <li key={p.providerId}>
                <button type="button" class="row-link" onClick={() => props.onOpen(p.providerId)}>
                  <strong>{p.name}</strong>
                  <span class="muted small">
                    {p.referrals} referred, {p.conversions} started in the period
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
