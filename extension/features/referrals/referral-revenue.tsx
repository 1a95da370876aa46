import { useState } from 'preact/hooks';
import type { Referral } from '../../../shared/schemas/referrals';
import { api, call } from '../../api/client';

const dollars = (cents: number) => (cents / 100).toFixed(2);

/**
 * The revenue an incoming referral brought, which the analytics sum: entered
 * in dollars by those who edit referrals, shown to everyone once entered.
 */
export function ReferralRevenue(props: { referral: Referral; canEdit: boolean }) {
  const [saved, setSaved] = useState(props.referral.revenueCents);
  const [text, setText] = useState(saved === null ? '' : dollars(saved));
  const [error, setError] = useState<string | null>(null);
  if (!props.canEdit)
    return saved === null ? null : <span class="muted small"> · revenue ${dollars(saved)}</span>;
  const id = `revenue-${props.referral.id}`;
  async function save() {
    const amount = text.trim() === '' ? null : Math.round(Number(text) * 100);
    if (amount !== null && !(Number.isFinite(amount) && amount >= 0)) {
      setError('Enter an amount in dollars, such as 4500');
      return;
    }
    if (amount === saved) return;
    try {
      const answer = await call(
        api.referrals[':id'].$patch({ param: { id: props.referral.id }, json: { revenueCents: amount } }),
      );
      setSaved(answer.revenueCents);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div class="field">
      <label for={id}>Revenue ($)</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={save}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p class="error small" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
