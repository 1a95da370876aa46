import type { ReferrerMatchModel } from './referrer-match-model';

type Model = InstanceType<typeof ReferrerMatchModel>;

/**
 * The referring dentist a capture names, as the referral directory knows
 * them: the entry that fits, a choice among namesakes, or that there is none.
 */
export function ReferrerMatch({ model, name, origin }: { model: Model; name: string; origin?: string }) {
  const result = model.result.value;
  const chosen = result?.items.find((i) => i.id === model.chosenId.value);
  let body: preact.ComponentChildren;
  if (model.failed.value)
    body = <p class="muted small">The referral directory could not be searched just now.</p>;
  else if (!result) body = <p class="muted small">Looking for {name} in the referral directory…</p>;
  else if (!result.items.length) body = <p class="small">{name} is not in the referral directory.</p>;
  else if (result.confident && chosen)
    body = (
      <p class="small" data-testid="referrer-match-entry">
        <strong>{chosen.displayName}</strong>, {chosen.practiceName} ({chosen.city})
        {chosen.active ? '' : ', no longer active'}{' '}
        <span class="muted">— in the referral directory: {chosen.reasons.join(', ')}</span>
      </p>
    );
  else
    body = (
      <fieldset class="plain">
        <legend class="small">More than one dentist in the directory fits {name}:</legend>
        {result.items.map((i) => (
          <label class="check" key={i.id}>
            <input
              type="radio"
              name="referrer-match"
              checked={model.chosenId.value === i.id}
              onChange={() => model.choose(i.id)}
            />
            {i.displayName}, {i.practiceName} ({i.city})
          </label>
        ))}
        <label class="check">
          <input
            type="radio"
            name="referrer-match"
            checked={model.chosenId.value === null}
            onChange={() => model.choose(null)}
          />
          None of these
        </label>
      </fieldset>
    );
  return (
    <section class="card" aria-label="Referring dentist" data-testid="referrer-match">
      <p class="small">
        Referred by <strong>{name}</strong>
        {origin ? <span class="muted"> ({origin.toLowerCase()})</span> : null}
      </p>
      {body}
      {chosen && model.canRecord.value ? (
        <label class="check small">
          <input
            type="checkbox"
            checked={model.record.value}
            onChange={(e) => model.setRecord(e.currentTarget.checked)}
          />
          Record the referral from {chosen.displayName} when the lead is saved
        </label>
      ) : null}
    </section>
  );
}
