import type { LeadDetailState } from './lead-detail-model';
import { fullName } from './lead-person';

/** Likely duplicates found when the lead was created: open one, merge into it, or keep both. */
export function LeadDuplicates(props: {
  model: LeadDetailState;
  canEdit: boolean;
  onOpen: (id: string) => void;
}) {
  const { model } = props;
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
                  if (await model.mergeInto(d.id)) props.onOpen(d.id);
                }}
              >
                Merge into it
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => model.keepBoth()}>
        Keep both
      </button>
    </div>
  );
}
