import { useModel } from '@preact/signals';
import { formatDate } from '../../../shared/locale-dates';
import { STATUS_LABELS } from '../../../shared/records/statuses';
import { ShowMore } from '../../ui/show-more';
import { RecordsBoardModel } from './records-board-model';
import { DIRECTION_LABELS, daysLeftText, dueThisWeek, isOverdue } from './records-labels';

/** Open requests by days left: overdue in red, due this week marked, holds with their reason, extensions shown. */
export function RecordsBoard(props: { onOpen: (id: string) => void }) {
  const model = useModel(RecordsBoardModel);
  const list = {
    items: model.list.items.value,
    loading: model.list.loading.value,
    error: model.list.error.value,
    hasMore: model.list.hasMore.value,
    more: model.list.more,
  };
  return (
    <div>
      <div class="filters">
        <label for="records-direction" class="sr-only">
          Direction
        </label>
        <select
          id="records-direction"
          value={model.direction.value}
          onChange={(e) => model.chooseDirection(e.currentTarget.value as '' | 'outgoing' | 'incoming')}
        >
          <option value="">Both directions</option>
          <option value="outgoing">Outgoing (asked of us)</option>
          <option value="incoming">Incoming (we asked)</option>
        </select>
      </div>
      {list.error ? <p class="alert error">{list.error}</p> : null}
      {!list.loading && list.items.length === 0 ? (
        <p class="empty" data-testid="empty-state">
          No open records requests.
        </p>
      ) : null}
      <ul
        class="list"
        aria-label="Open records requests"
        aria-busy={list.loading}
        data-testid="records-board"
      >
        {list.items.map((r) => (
          <li key={r.id} data-testid="records-row">
            <button type="button" class="row-link" onClick={() => props.onOpen(r.id)}>
              <strong>{r.subjectName}</strong>
              <span class={isOverdue(r) ? 'overdue small' : 'muted small'}>
                {daysLeftText(r)} · due {formatDate(r.dueOn)}
                {dueThisWeek(r) ? <span class="badge">this week</span> : null}
                {r.extendedAt ? <span class="badge ok">extended</span> : null}
              </span>
              <span class="muted small">
                {DIRECTION_LABELS[r.direction]} · {STATUS_LABELS[r.status]} · {r.party.name}
              </span>
              {r.status === 'on_hold' && r.statusReason ? (
                <span class="small">On hold: {r.statusReason}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
