import { useModel } from '@preact/signals';
import { formatShortDay } from '../../../shared/locale-dates';
import type { LeadCard } from '../../../shared/schemas/lead-board';
import { count } from '../../../shared/words';
import { countText } from '../../ui/count-text';
import { type BoardColumn, LeadBoardModel } from './lead-board-model';

const CARD_TYPE = 'application/x-sidecar-lead';

/** "Follow up Tue, Dec 3", in the reader's own locale; overdue ones say so. */
function followUp(at: string | null, now = Date.now()) {
  if (!at) return { text: 'No follow-up planned', overdue: false };
  const when = formatShortDay(at);
  return Date.parse(at) < now
    ? { text: `Follow-up overdue since ${when}`, overdue: true }
    : { text: `Follow up ${when}`, overdue: false };
}

/**
 * The pipeline as a board: a column per stage with its count, cards with the
 * score and next follow-up. Cards move by dragging onto another column, or
 * from the keyboard with the buttons to the previous and next stage. In a
 * narrow panel the columns stack; from 640 px they stand side by side.
 */
export function LeadBoardView(props: { canMove: boolean; onOpen: (id: string) => void }) {
  const model = useModel(LeadBoardModel);
  const columns = model.columns.value;
  const message = model.message.value;
  const moving = model.moving.value;

  if (model.loading.value && columns.length === 0) return <p class="muted">Loading…</p>;
  return (
    <div data-testid="lead-board">
      {message ? (
        <p class={message.error ? 'alert error' : 'alert'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <div class="board">
        {columns.map((column, i) => (
          <BoardColumnView
            key={column.stageId}
            column={column}
            previous={columns[i - 1]}
            next={columns[i + 1]}
            canMove={props.canMove}
            moving={moving}
            onMove={(card, to) => model.move(card, to)}
            onOpen={props.onOpen}
          />
        ))}
      </div>
    </div>
  );
}

function BoardColumnView(props: {
  column: BoardColumn;
  previous: BoardColumn | undefined;
  next: BoardColumn | undefined;
  canMove: boolean;
  moving: string | null;
  onMove: (card: LeadCard, toStageId: string) => void;
  onOpen: (id: string) => void;
}) {
  const { column } = props;
  const titleId = `board-${column.stageId}`;
  const hidden = column.total - column.leads.length;
  return (
    <section
      class="board-column"
      aria-labelledby={titleId}
      data-testid="board-column"
      onDragOver={(e) => {
        if (props.canMove && e.dataTransfer?.types.includes(CARD_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const card = e.dataTransfer?.getData(CARD_TYPE);
        if (!card) return;
        e.preventDefault();
        props.onMove(JSON.parse(card) as LeadCard, column.stageId);
      }}
    >
      <h3 id={titleId} class="row-between">
        <span>{column.name}</span>
        <span class="badge count" data-testid="column-count">
          {countText(column.total, column.totalIsAtLeast)}
        </span>
      </h3>
      {column.leads.length === 0 ? <p class="empty small">No leads in this stage.</p> : null}
      <ol class="plain cards">
        {column.leads.map((card) => {
          const due = followUp(card.nextFollowUpAt);
          const name = `${card.firstName} ${card.lastName}`;
          return (
            <li
              key={card.id}
              class="card"
              data-testid="lead-card"
              draggable={props.canMove}
              onDragStart={(e) => e.dataTransfer?.setData(CARD_TYPE, JSON.stringify(card))}
            >
              <div class="row-between">
                <button type="button" class="link" onClick={() => props.onOpen(card.id)}>
                  {name}
                </button>
                <span class="badge score" title="Lead score out of 100">
                  {card.score}
                </span>
              </div>
              <div class={due.overdue ? 'small overdue' : 'small muted'}>{due.text}</div>
              {props.canMove ? (
                <div class="row-actions">
                  {props.previous ? (
                    <button
                      type="button"
                      class="secondary small"
                      disabled={props.moving === card.id}
                      onClick={() => props.onMove(card, props.previous!.stageId)}
                    >
                      ← {props.previous.name}
                      <span class="sr-only"> (move {name})</span>
                    </button>
                  ) : null}
                  {props.next ? (
                    <button
                      type="button"
                      class="secondary small"
                      disabled={props.moving === card.id}
                      onClick={() => props.onMove(card, props.next!.stageId)}
                    >
                      {props.next.name} →<span class="sr-only"> (move {name})</span>
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {hidden > 0 ? (
        <p class="muted small">
          and {column.totalIsAtLeast ? `${countText(hidden, true)} more leads` : count(hidden, 'more lead')}{' '}
          in the list
        </p>
      ) : null}
    </section>
  );
}
