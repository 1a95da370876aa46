import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../utils/use-api';

type Rules = {
  source: Partial<Record<string, number>>;
  contact: { email: number; phone: number; dateOfBirth: number; responsibleParty: number };
  age: { freshDays: number; fresh: number; recentDays: number; recent: number };
  activity: { each: number; max: number };
  stage: { perStep: number; max: number };
};

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
  const [rules, setRules] = useState<Rules | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    apiCall<Rules>('GET', '/api/v1/lead-scoring-rules').then(setRules, (e: Error) =>
      setMessage({ text: e.message, error: true }),
    );
  }, []);

  if (!rules) return message ? <p class="alert error">{message.text}</p> : null;

  const value = ([group, key]: Path) => (rules[group] as Record<string, number | undefined>)[key] ?? 0;
  const set = ([group, key]: Path, n: number) =>
    setRules({ ...rules, [group]: { ...rules[group], [key]: n } });

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

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    try {
      setRules(await apiCall<Rules>('PUT', '/api/v1/lead-scoring-rules', rules));
      setMessage({ text: 'Scoring rules saved; scores use them from now on.', error: false });
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
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
