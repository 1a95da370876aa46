import { useModel } from '@preact/signals';
import type { StrengthRules } from '../../../shared/referral-strength';
import { StrengthRulesModel } from './strength-rules-model';

type Path = [keyof StrengthRules, string];

/** The relationship strength rules, for those who manage providers; a score is the sum, kept within 0–100. */
export function StrengthRulesEditor({ onBack }: { onBack: () => void }) {
  const model = useModel(StrengthRulesModel);
  const rules = model.rules.value;
  const message = model.message.value;

  const input = ([group, key]: Path, label: string, unit = 'points') => (
    <label class="rule" key={`${group}.${key}`}>
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        value={rules ? (rules[group] as Record<string, number>)[key] : 0}
        aria-label={`${label} (${unit})`}
        onInput={(e) => model.setNumber(group, key, Number(e.currentTarget.value))}
      />
    </label>
  );

  function save(e: Event) {
    e.preventDefault();
    model.save();
  }

  return (
    <section class="area">
      <button type="button" class="link" onClick={onBack}>
        ← Directory
      </button>
      {!rules ? (
        message ? (
          <p class="alert error">{message.text}</p>
        ) : (
          <p class="muted">Loading…</p>
        )
      ) : (
        <form onSubmit={save} noValidate aria-labelledby="strength-rules-title" data-testid="strength-rules">
          <h3 id="strength-rules-title">Relationship strength</h3>
          <p class="muted small">
            A provider's score is the sum of these rules, from 0 to 100; each provider's page shows what every
            rule gave and why.
          </p>
          <fieldset>
            <legend>Recency of the last referral</legend>
            {input(['recency', 'recentDays'], 'Recent within', 'days')}
            {input(['recency', 'recent'], 'When recent')}
            {input(['recency', 'warmDays'], 'Warm within', 'days')}
            {input(['recency', 'warm'], 'When warm')}
            {input(['recency', 'coolDays'], 'Cool within', 'days')}
            {input(['recency', 'cool'], 'When cool')}
          </fieldset>
          <fieldset>
            <legend>Frequency and conversion</legend>
            {input(['frequency', 'windowDays'], 'Counted over', 'days')}
            {input(['frequency', 'each'], 'Each referral')}
            {input(['frequency', 'max'], 'Frequency at most')}
            {input(['conversion', 'minReferrals'], 'Conversion counted from', 'referrals')}
            {input(['conversion', 'max'], 'Conversion at 100%')}
          </fieldset>
          <fieldset>
            <legend>Letters and trend</legend>
            {input(['letters', 'onTimeDays'], 'Letter on time within', 'days')}
            {input(['letters', 'max'], 'All letters on time')}
            {input(['trend', 'windowDays'], 'Trend compares windows of', 'days')}
            {input(['trend', 'rising'], 'More than the window before')}
            {input(['trend', 'falling'], 'Fewer than the window before')}
          </fieldset>
          {message ? (
            <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
              {message.text}
            </p>
          ) : null}
          <button type="submit" class="secondary">
            Save strength rules
          </button>
        </form>
      )}
    </section>
  );
}
