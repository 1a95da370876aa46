import type { RuleCondition, RuleConditions, RuleOperator } from '../../../shared/schemas/automation-rules';
import { FIELD_LABELS, labelOf } from './automation-labels';
import type { ConditionAt } from './rule-builder-model';
import {
  choicesOf,
  fieldsOf,
  operatorLabel,
  operatorsFor,
  storedValue,
  typedValue,
  valueInputOf,
} from './rule-fields';

type Handlers = {
  onChange: (at: ConditionAt, change: { field?: string; op?: RuleOperator }) => void;
  onValue: (at: ConditionAt, value: RuleCondition['value']) => void;
  onRemove: (at: ConditionAt) => void;
};

const UNIT: Partial<Record<string, string>> = { days: 'days', money: '$', percent: '%' };

/** One condition: field, operator and a value input that fits both. */
function ConditionRow(props: { population: string; condition: RuleCondition; at: ConditionAt } & Handlers) {
  const { condition: c, at } = props;
  const fields = fieldsOf(props.population);
  const kind = fields[c.field] ?? 'text';
  const input = valueInputOf(c.field, kind, c.op, props.population);
  const id = `cond-${at.index}${at.inner === undefined ? '' : `-${at.inner}`}`;
  const value = typedValue(input, c.value);
  return (
    <li class="condition" data-testid="rule-condition">
      <label for={`${id}-field`} class="sr-only">
        Field
      </label>
      <select
        id={`${id}-field`}
        class="condition-select"
        value={c.field}
        onChange={(e) => props.onChange(at, { field: e.currentTarget.value })}
      >
        {Object.keys(fields).map((f) => (
          <option key={f} value={f}>
            {labelOf(FIELD_LABELS, f)}
          </option>
        ))}
      </select>
      <label for={`${id}-op`} class="sr-only">
        Comparison
      </label>
      <select
        id={`${id}-op`}
        class="condition-select"
        value={c.op}
        onChange={(e) => props.onChange(at, { op: e.currentTarget.value as RuleOperator })}
      >
        {operatorsFor(kind).map((op) => (
          <option key={op} value={op}>
            {operatorLabel(kind, op)}
          </option>
        ))}
      </select>
      {input === 'none' ? null : (
        <>
          <label for={`${id}-value`} class="sr-only">
            Value{UNIT[input] ? ` (${UNIT[input]})` : ''}
          </label>
          {input === 'choice' ? (
            <select
              id={`${id}-value`}
              class="condition-select"
              value={value}
              onChange={(e) => props.onValue(at, e.currentTarget.value)}
            >
              {choicesOf(c.field, props.population).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-value`}
              class="auto-width condition-value"
              // Preact types each input `type` apart; all three are plain value inputs here.
              type={(input === 'date' ? 'date' : input === 'text' ? 'text' : 'number') as 'text'}
              inputMode={input === 'text' || input === 'date' ? undefined : 'decimal'}
              value={value}
              onInput={(e) => props.onValue(at, storedValue(input, e.currentTarget.value))}
            />
          )}
          {UNIT[input] ? <span class="muted small">{UNIT[input]}</span> : null}
        </>
      )}
      <button
        type="button"
        class="link"
        aria-label={`Remove the condition on ${labelOf(FIELD_LABELS, c.field)}`}
        onClick={() => props.onRemove(at)}
      >
        Remove
      </button>
    </li>
  );
}

function MatchChoice(props: { id: string; match: 'all' | 'any'; onMatch: (m: 'all' | 'any') => void }) {
  return (
    <div class="inline-form">
      <label for={props.id}>Match</label>
      <select
        id={props.id}
        class="auto-width"
        value={props.match}
        onChange={(e) => props.onMatch(e.currentTarget.value as 'all' | 'any')}
      >
        <option value="all">all of these (and)</option>
        <option value="any">any of these (or)</option>
      </select>
    </div>
  );
}

/** The rule's conditions: all or any of them, and at most one nested group (the schema's one level). */
export function RuleConditionsEditor(
  props: {
    population: string;
    conditions: RuleConditions;
    hasGroup: boolean;
    onMatch: (match: 'all' | 'any', group?: number) => void;
    onAdd: (group?: number) => void;
    onAddGroup: () => void;
  } & Handlers,
) {
  const { conditions } = props;
  return (
    <fieldset>
      <legend>Conditions</legend>
      <MatchChoice id="rule-match" match={conditions.match} onMatch={(m) => props.onMatch(m)} />
      <ul class="rule-list">
        {conditions.conditions.map((entry, index) =>
          'field' in entry ? (
            <ConditionRow
              key={`c${index}`}
              {...props}
              population={props.population}
              condition={entry}
              at={{ index }}
            />
          ) : (
            <li key={`g${index}`} class="rule-group" data-testid="rule-group">
              <MatchChoice
                id={`rule-match-${index}`}
                match={entry.match}
                onMatch={(m) => props.onMatch(m, index)}
              />
              <ul class="rule-list">
                {entry.conditions.map((c, inner) => (
                  <ConditionRow
                    key={`c${index}-${inner}`}
                    {...props}
                    population={props.population}
                    condition={c}
                    at={{ index, inner }}
                  />
                ))}
              </ul>
              <button type="button" class="link" onClick={() => props.onAdd(index)}>
                + Condition in this group
              </button>
            </li>
          ),
        )}
      </ul>
      <div class="row-actions">
        <button type="button" class="secondary" onClick={() => props.onAdd()}>
          + {conditions.match === 'all' ? 'And' : 'Or'}
        </button>
        {props.hasGroup ? null : (
          <button type="button" class="secondary" onClick={props.onAddGroup}>
            + Group of conditions
          </button>
        )}
      </div>
    </fieldset>
  );
}
