import { useModel } from '@preact/signals';
import { formatDateTime } from '../../../shared/locale-dates';
import { ShowMore } from '../../ui/show-more';
import { SubmissionListModel } from './submission-list-model';

/** Submitted forms, those still to review or those accepted. */
export function SubmissionList({ onOpen }: { onOpen: (id: string) => void }) {
  const model = useModel(SubmissionListModel);
  const accepted = model.accepted.value;
  const list = {
    items: model.list.items.value,
    loading: model.list.loading.value,
    hasMore: model.list.hasMore.value,
    more: model.list.more,
  };
  return (
    <div data-testid="submission-list">
      <label for="submission-filter" class="sr-only">
        Show
      </label>
      <select
        id="submission-filter"
        value={accepted}
        onChange={(e) => model.show(e.currentTarget.value as 'true')}
      >
        <option value="false">To review</option>
        <option value="true">Accepted</option>
      </select>
      {!list.loading && list.items.length === 0 ? (
        <p class="empty">{accepted === 'false' ? 'Nothing to review.' : 'Nothing accepted yet.'}</p>
      ) : null}
      <ul class="list" aria-busy={list.loading}>
        {list.items.map((s) => (
          <li key={s.id} data-testid="submission-row">
            <button type="button" class="row-link" onClick={() => onOpen(s.id)}>
              <strong>{s.templateName}</strong>
              <span class="muted small">
                {s.subjectName
                  ? `${s.subjectName} (${s.leadId ? 'lead' : 'patient'})`
                  : s.leadId
                    ? 'A lead'
                    : 'A patient'}{' '}
                · submitted {formatDateTime(s.submittedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
