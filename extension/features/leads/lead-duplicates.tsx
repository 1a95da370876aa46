import { useState } from 'preact/hooks';
import type { MergeAttribution } from './lead-api-types';
import type { LeadDetailState } from './lead-detail-model';
import { fullName } from './lead-person';

/**
 * Likely duplicates found when the lead was created: open one, merge into it
 * (choosing whose source gets the credit), or keep both.
 */
export function LeadDuplicates(props: {
  model: LeadDetailState;
  canEdit: boolean;
  /** This lead's source, to name in the credit choice. */
  sourceName: string | undefined;
  onOpen: (id: string) => void;
}) {
  const { model } = props;
  const [attribution, setAttribution] = useState<MergeAttribution>('kept');
  return (
    <div class="alert" role="status" data-testid="lead-duplicates">
      <p>This may be someone you already have:</p>
      <ul class="plain">
        {model.duplicates.value.map((d) => (
          <li key={d.id}>
            {fullName(d)} <span class="muted small">({d.reasons.join(', ')})</span>{' '}
            <button type="button" class="link" onClick={() => props.onOpen(d.id)}>
              Open
            </button>
            {props.canEdit ? (
              <button
                type="button"
                class="link"
                onClick={async () => {
                  if (await model.mergeInto(d.id, attribution)) props.onOpen(d.id);
                }}
              >
                Merge into it
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canEdit ? (
        <label class="field small">
          On merging, credit the lead to
          <select
            data-testid="merge-attribution"
            value={attribution}
            onChange={(e) => setAttribution(e.currentTarget.value as MergeAttribution)}
          >
            <option value="kept">the existing lead's source</option>
            <option value="duplicate">this lead's source ({props.sourceName ?? 'none'})</option>
          </select>
        </label>
      ) : null}
      <button type="button" class="secondary" onClick={() => model.keepBoth()}>
        Keep both
      </button>
    </div>
  );
}
