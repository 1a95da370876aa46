import { useModel } from '@preact/signals';
import { StatsSummary } from './referral-analytics';
import { ProviderStrengthModel } from './referral-analytics-model';
import { MonthColumns } from './referral-charts';

/** The relationship strength on a provider's page: the score, each rule's points and why, the last 90 days. */
export function ProviderStrength({ providerId }: { providerId: string }) {
  const model = useModel(() => new ProviderStrengthModel(providerId));
  const data = model.data.value;
  if (model.error.value) return <p class="alert error">{model.error.value}</p>;
  if (!data) return null;
  const { score, reasons } = data.strength;
  return (
    <section aria-labelledby="strength-title" data-testid="provider-strength">
      <h4 id="strength-title">
        Relationship strength <strong data-testid="strength-score">{score}</strong>
        <span class="muted small"> / 100</span>
      </h4>
      <ul class="small" aria-label="Why this score">
        {reasons.map((r) => (
          <li key={r.rule} data-testid="strength-reason">
            <strong>
              {r.rule} {r.points > 0 ? `+${r.points}` : r.points}
            </strong>
            : {r.explanation}
          </li>
        ))}
      </ul>
      <h4>Last 90 days</h4>
      <StatsSummary stats={data.stats} testId="provider-stats" />
      <MonthColumns months={data.monthly} testId="chart-provider-months" />
    </section>
  );
}
