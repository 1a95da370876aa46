import type { Condition, ConditionOp, Field } from '../../../shared/intake/definition';

const OP_LABELS: Record<ConditionOp, string> = {
  equals: 'is',
  one_of: 'is one of',
  greater_than: 'is more than',
  less_than: 'is less than',
  answered: 'is answered',
};

/** The tests that make sense for a field's type. */
function opsFor(field: Field | undefined): ConditionOp[] {
  if (!field) return ['answered'];
  if (field.type === 'number' || field.type === 'date')
    return ['equals', 'greater_than', 'less_than', 'answered'];
  if (field.type === 'single_choice' || field.type === 'multiple_choice')
    return ['equals', 'one_of', 'answered'];
  if (field.type === 'yes_no') return ['equals', 'answered'];
  if (field.type === 'short_text' || field.type === 'email' || field.type === 'phone')
    return ['equals', 'answered'];
  return ['answered'];
}

/** A sensible value for a new test of this field. */
function startValue(field: Field | undefined, op: ConditionOp): Condition['value'] {
  if (op === 'answered') return true;
  if (field?.type === 'yes_no') return true;
  if (op === 'one_of') return field?.options?.slice(0, 1).map((o) => o.value) ?? [];
  if (field?.options?.length) return field.options[0]!.value;
  if (field?.type === 'number') return 0;
  return '';
}

/**
 * "Show (or require) this when …": every condition must hold. Only fields
 * earlier in the form can be chosen, which keeps logic free of loops.
 */
export function ConditionEditor(props: {
  idPrefix: string;
  legend: string;
  conditions: Condition[];
  earlier: Field[];
  onChange: (conditions: Condition[]) => void;
}) {
  const { conditions, earlier } = props;
  const set = (i: number, c: Condition) => props.onChange(conditions.map((x, j) => (j === i ? c : x)));

  return (
    <fieldset class="conditions">
      <legend>{props.legend}</legend>
      {conditions.length === 0 ? <p class="muted small">Always.</p> : null}
      {conditions.map((c, i) => {
        const field = earlier.find((f) => f.id === c.field);
        const ops = opsFor(field);
        const id = `${props.idPrefix}-${i}`;
        return (
          <div class="condition" key={id} data-testid="condition">
            <select
              class="auto-width"
              aria-label="Question"
              value={c.field}
              onChange={(e) => {
                const next = earlier.find((f) => f.id === e.currentTarget.value);
                const op = opsFor(next)[0]!;
                set(i, { field: e.currentTarget.value, op, value: startValue(next, op) });
              }}
            >
              {earlier.map((f) => (
                <option value={f.id} key={f.id}>
                  {f.label.slice(0, 60)}
                </option>
              ))}
            </select>
            <select
              class="auto-width"
              aria-label="Test"
              value={c.op}
              onChange={(e) => {
                const op = e.currentTarget.value as ConditionOp;
                set(i, { ...c, op, value: startValue(field, op) });
              }}
            >
              {ops.map((op) => (
                <option value={op} key={op}>
                  {OP_LABELS[op]}
                </option>
              ))}
            </select>
            <ConditionValue field={field} condition={c} onChange={(value) => set(i, { ...c, value })} />
            <button
              type="button"
              class="secondary auto-width"
              aria-label="Remove this condition"
              onClick={() => props.onChange(conditions.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        );
      })}
      {earlier.length ? (
        <button
          type="button"
          class="link"
          onClick={() => {
            const first = earlier[earlier.length - 1]!;
            const op = opsFor(first)[0]!;
            props.onChange([...conditions, { field: first.id, op, value: startValue(first, op) }]);
          }}
        >
          Add a condition
        </button>
      ) : (
        <p class="muted small">Conditions look at earlier questions; this is the first.</p>
      )}
    </fieldset>
  );
}

function ConditionValue(props: {
  field: Field | undefined;
  condition: Condition;
  onChange: (value: Condition['value']) => void;
}) {
  const { field, condition: c } = props;
  if (c.op === 'answered')
    return (
      <select
        class="auto-width"
        aria-label="Answered"
        value={String(c.value !== false)}
        onChange={(e) => props.onChange(e.currentTarget.value === 'true')}
      >
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  if (field?.type === 'yes_no')
    return (
      <select
        class="auto-width"
        aria-label="Answer"
        value={String(c.value)}
        onChange={(e) => props.onChange(e.currentTarget.value === 'true')}
      >
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  if (c.op === 'one_of' && field?.options)
    return (
      <fieldset class="choices">
        <legend class="sr-only">Answers</legend>
        {field.options.map((o) => {
          const list = Array.isArray(c.value) ? c.value : [];
          return (
            <label class="inline" key={o.value}>
              <input
                type="checkbox"
                checked={list.includes(o.value)}
                onChange={(e) =>
                  props.onChange(
                    e.currentTarget.checked ? [...list, o.value] : list.filter((v) => v !== o.value),
                  )
                }
              />{' '}
              {o.label}
            </label>
          );
        })}
      </fieldset>
    );
  if (field?.options)
    return (
      <select
        class="auto-width"
        aria-label="Answer"
        value={String(c.value)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {field.options.map((o) => (
          <option value={o.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  return (
    <input
      aria-label="Answer"
      class="grow"
      // Preact types `type` per value; all three are text-like inputs.
      type={(field?.type === 'number' ? 'number' : field?.type === 'date' ? 'date' : 'text') as 'text'}
      value={c.value === undefined ? '' : String(c.value)}
      onInput={(e) =>
        props.onChange(field?.type === 'number' ? Number(e.currentTarget.value) : e.currentTarget.value)
      }
    />
  );
}
