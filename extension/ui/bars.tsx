/**
 * One horizontal bar per row, with the figure written beside it: the bar is
 * for the glance, the number for reading (and for screen readers).
 */
export function Bars(props: {
  label: string;
  rows: { key: string; name: string; value: number; text: string }[];
  max?: number;
  testId: string;
  /** Said instead of bars when there are no rows. */
  empty?: string;
}) {
  const max = props.max ?? Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.label}</figcaption>
      {props.rows.length === 0 ? (
        <p class="muted small">{props.empty ?? 'No data in this period.'}</p>
      ) : (
        <dl class="bars">
          {props.rows.map((r) => (
            <div class="bar-row" key={r.key}>
              <dt>{r.name}</dt>
              <dd>
                <span class="bar" style={{ width: `${(r.value / max) * 100}%` }} aria-hidden="true" />
                <span class="bar-value">{r.text}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </figure>
  );
}
