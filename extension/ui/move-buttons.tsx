/** Up and down buttons that reorder one entry of a list. */
export function MoveButtons(props: {
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
}) {
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-label={`Move ${props.name} up`}
        disabled={props.index === 0}
        onClick={() => props.onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="secondary"
        aria-label={`Move ${props.name} down`}
        disabled={props.index === props.count - 1}
        onClick={() => props.onMove(1)}
      >
        ↓
      </button>
    </>
  );
}
