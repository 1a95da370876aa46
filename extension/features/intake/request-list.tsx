import { useModel } from '@preact/signals';
import { formatDate } from '../../../shared/locale-dates';
import { useConfirm } from '../../ui/confirm-dialog';
import { ShowMore } from '../../ui/show-more';
import { RequestListModel, type RequestQuery } from './request-list-model';
import { REQUEST_STATUS_LABELS } from './request-status-labels';

/**
 * Forms sent, newest first, with what can be done about each: renew an
 * expired or lost link (the old one stops working) or cancel one sent by
 * mistake. Filtered to one lead or patient where it is shown on their page.
 */
export function RequestList(props: {
  query: RequestQuery;
  canSend: boolean;
  onOpenSubmission?: (id: string) => void;
  emptyText: string;
}) {
  const model = useModel(() => new RequestListModel(props.query));
  const [confirmation, ask] = useConfirm();
  const link = model.link.value;
  const message = model.message.value;
  const list = {
    items: model.list.items.value,
    loading: model.list.loading.value,
    error: model.list.error.value,
    hasMore: model.list.hasMore.value,
    more: model.list.more,
  };

  return (
    <div data-testid="request-list">
      {confirmation}
      {message ? (
        <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {list.error ? <p class="alert error">{list.error}</p> : null}
      {!list.loading && list.items.length === 0 ? <p class="empty">{props.emptyText}</p> : null}
      <ul class="list" aria-busy={list.loading}>
        {list.items.map((r) => (
          <li key={r.id} data-testid="request-row">
            <div>
              <strong>{r.templateName}</strong>{' '}
              <span
                class={
                  r.status === 'expired' ? 'badge warn' : r.status === 'submitted' ? 'badge ok' : 'badge'
                }
              >
                {REQUEST_STATUS_LABELS[r.status]}
              </span>
              <div class="muted small">
                {r.delivery === 'email' ? `Emailed to ${r.recipientEmail}` : 'Link'} · sent{' '}
                {formatDate(r.sentAt)}
                {r.status === 'submitted' ? '' : ` · expires ${formatDate(r.expiresAt)}`}
              </div>
              {link?.id === r.id ? (
                <input
                  aria-label="New form link"
                  readOnly
                  value={link.link}
                  onFocus={(e) => e.currentTarget.select()}
                />
              ) : null}
            </div>
            <span class="row-actions">
              {r.submissionId && props.onOpenSubmission ? (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => props.onOpenSubmission!(r.submissionId!)}
                >
                  Review
                </button>
              ) : null}
              {props.canSend && r.status !== 'submitted' && r.status !== 'cancelled' ? (
                <>
                  <button type="button" class="secondary" onClick={() => model.renew(r)}>
                    Renew
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={async () => {
                      const sure = await ask({
                        title: `Cancel ${r.templateName}?`,
                        message: 'Its link stops working. You can send the form again later.',
                        confirmLabel: 'Cancel the form',
                        danger: true,
                      });
                      if (sure) model.cancel(r);
                    }}
                  >
                    Cancel
                  </button>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
