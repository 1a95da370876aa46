import { useModel } from '@preact/signals';
import { type Rules, ScoringRulesModel } from './scoring-rules-model';

const CHANNELS: [string, string][] = [
  ['web_form', 'Web form'],
  ['phone', 'Phone'],
  ['walk_in', 'Walk-in'],
  ['referral', 'Referral'],
  ['email', 'Email'],
  ['web_page', 'Web page'],
  ['other', 'Other'],
];

type Path = [keyof Rules, string];

/** The points each rule gives; a lead's score is their sum, kept between 0 and 100. */
export function ScoringRulesEditor() {
  const model = useModel(ScoringRulesModel);
  const rules = model.rules.value;
  const message = model.message.value;

  if (!rules) return message ? <p class="alert error">{message.text}</p> : null;

  const value = ([group, key]: Path) => (rules[group] as Record<string, number | undefined>)[key] ?? 0;
  const set = ([group, key]: Path, n: number) => model.setPoints(group, key, n);

  const input = (path: Path, label: string, unit = 'points') => (
    <label class="rule" key={path.join('.')}>
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        value={value(path)}
        aria-label={`${label} (${unit})`}
        onInput={(e) => set(path, Number(e.currentTarget.value))}
      />
    </label>
  );

  function save(e: Event) {
    e.preventDefault();
    model.save();
  }

  return (
    <form onSubmit={save} noValidate aria-labelledby="scoring-title" data-testid="scoring-rules">
      <h3 id="scoring-title">Lead scoring</h3>
      <p class="muted small">Points from −100 to 100 each. A lead's score is their sum, from 0 to 100.</p>
      <fieldset>
        <legend>Source</legend>
        {CHANNELS.map(([channel, label]) => input(['source', channel], label))}
      </fieldset>
      <fieldset>
        <legend>Contact details given</legend>
        {input(['contact', 'email'], 'Has an email address')}
        {input(['contact', 'phone'], 'Has a phone number')}
        {input(['contact', 'dateOfBirth'], 'Date of birth known')}
        {input(['contact', 'responsibleParty'], 'Parent or guardian known')}
      </fieldset>
      <fieldset>
        <legend>Age of the lead</legend>
        {input(['age', 'freshDays'], 'Fresh for', 'days')}
        {input(['age', 'fresh'], 'While fresh')}
        {input(['age', 'recentDays'], 'Recent for', 'days')}
        {input(['age', 'recent'], 'While recent')}
      </fieldset>
      <fieldset>
        <legend>Activity and progress</legend>
        {input(['activity', 'each'], 'Each call, email or note')}
        {input(['activity', 'max'], 'Activity at most')}
        {input(['stage', 'perStep'], 'Each stage along the pipeline')}
        {input(['stage', 'max'], 'Progress at most')}
      </fieldset>
      {message ? (
        <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" class="secondary">
        Save scoring rules
      </button>
    </form>
  );
}
