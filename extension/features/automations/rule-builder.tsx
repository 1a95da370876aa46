import { useModel } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { RULE_TYPES, type Rule } from '../../../shared/schemas/automation-rules';
import { UNSUBSCRIBE_CATEGORIES } from '../../../shared/schemas/message-templates';
import { Field, FieldError } from '../../ui/field';
import {
  CATEGORY_LABELS,
  FIELD_LABELS,
  labelOf,
  POPULATION_LABELS,
  RULE_TYPE_LABELS,
} from './automation-labels';
import { RuleActionEditor } from './rule-actions';
import { RuleBuilderModel } from './rule-builder-model';
import { RuleConditionsEditor } from './rule-conditions';

const RELATIVE_FIELDS = ['expiryDate', 'issueDate'] as const;

/** Errors about one nested place (`conditions.conditions.0.value`) that have no input of their own. */
const nestedErrors = (errors: Record<string, string>, prefix: string) =>
  Object.entries(errors)
    .filter(([path]) => path.startsWith(prefix))
    .map(([, issue]) => issue);

/**
 * The rule builder, in the order of spec 002's steps: name, unsubscribe
 * category and type; who (population and locations); the conditions; the
 * actions. Saving keeps it a draft (or, for a rule that has run, a new version).
 */
export function RuleBuilder(props: {
  rule: Rule | null;
  onCancel: () => void;
  onSaved: (rule: Rule) => void;
}) {
  const model = useModel(() => new RuleBuilderModel(props.rule));
  useEffect(() => {
    void model.load();
  }, [model]);
  const d = model.draft.value;
  const errors = model.errors.value;
  const ran = props.rule && props.rule.status !== 'draft';
  const save = async (e: Event) => {
    e.preventDefault();
    const saved = await model.save();
    if (saved) props.onSaved(saved);
  };
  const conditionErrors = nestedErrors(errors, 'conditions');
  return (
    <form class="area" onSubmit={save} aria-labelledby="rule-builder-title" data-testid="rule-builder">
      <button type="button" class="link" onClick={props.onCancel}>
        ← Rules
      </button>
      <h3 id="rule-builder-title">
        {props.rule ? `Change “${props.rule.definition.name}”` : 'New automation'}
      </h3>
      {ran ? (
        <p class="alert" role="status">
          This rule has run. Saving makes version {(props.rule?.version ?? 0) + 1}; the history keeps which
          version acted, and the new version acts on its own.
        </p>
      ) : null}
      {model.loadError.value ? (
        <p class="alert error" role="alert">
          {model.loadError.value}
        </p>
      ) : null}
      <h4>1. Name, category and type</h4>
      <Field
        id="rule-name"
        label="Automation name"
        value={d.name}
        error={errors.name}
        onInput={(v) => model.set('name', v)}
      />
      <label for="rule-category">Unsubscribe category</label>
      <select
        id="rule-category"
        value={d.category}
        onChange={(e) => model.set('category', e.currentTarget.value as typeof d.category)}
      >
        {UNSUBSCRIBE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </select>
      <label for="rule-type">Automation type</label>
      <select
        id="rule-type"
        value={d.type}
        onChange={(e) => model.setType(e.currentTarget.value as typeof d.type)}
      >
        {RULE_TYPES.map((t) => (
          <option key={t} value={t}>
            {RULE_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      {d.type === 'recurring' ? (
        <div class="inline-form">
          <label for="rule-every">Every</label>
          <input
            id="rule-every"
            class="auto-width"
            type="number"
            min={1}
            max={365}
            value={d.everyDays ?? ''}
            aria-invalid={errors.everyDays ? 'true' : undefined}
            onInput={(e) => model.set('everyDays', Number(e.currentTarget.value) || null)}
          />
          <span>days while it matches</span>
        </div>
      ) : null}
      {errors.everyDays ? <FieldError id="rule-every-error">{errors.everyDays}</FieldError> : null}
      {d.type === 'relative' ? (
        <div class="two">
          <div>
            <label for="rule-offset">Days</label>
            <input
              id="rule-offset"
              type="number"
              min={0}
              max={365}
              value={Math.abs(d.offsetDays ?? 0)}
              onInput={(e) =>
                model.set('offsetDays', Math.sign(d.offsetDays || -1) * Number(e.currentTarget.value))
              }
            />
          </div>
          <div>
            <label for="rule-offset-side">Before or after</label>
            <select
              id="rule-offset-side"
              value={(d.offsetDays ?? -1) < 0 ? 'before' : 'after'}
              onChange={(e) =>
                model.set(
                  'offsetDays',
                  Math.abs(d.offsetDays ?? 0) * (e.currentTarget.value === 'before' ? -1 : 1),
                )
              }
            >
              <option value="before">before</option>
              <option value="after">after</option>
            </select>
          </div>
          <div>
            <label for="rule-relative-field">the date</label>
            <select
              id="rule-relative-field"
              value={d.relativeField ?? 'expiryDate'}
              onChange={(e) =>
                model.set('relativeField', e.currentTarget.value as (typeof RELATIVE_FIELDS)[number])
              }
            >
              {RELATIVE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {labelOf(FIELD_LABELS, f)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {errors.relativeField ? <FieldError id="rule-relative-error">{errors.relativeField}</FieldError> : null}
      <h4>2. Who</h4>
      <label for="rule-population">Look at</label>
      <select
        id="rule-population"
        value={d.population}
        onChange={(e) => model.setPopulation(e.currentTarget.value as typeof d.population)}
      >
        {Object.keys(POPULATION_LABELS).map((p) => (
          <option key={p} value={p}>
            {labelOf(POPULATION_LABELS, p)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>At these locations (none chosen: every location)</legend>
        {model.facilities.value.map((f) => (
          <label key={f.id} class="check">
            <input
              type="checkbox"
              checked={d.facilityIds.includes(f.id)}
              onChange={(e) => model.toggleFacility(f.id, e.currentTarget.checked)}
            />
            {f.name}
          </label>
        ))}
      </fieldset>
      <h4>3. When</h4>
      <RuleConditionsEditor
        population={d.population}
        conditions={d.conditions}
        hasGroup={model.hasGroup.value}
        onMatch={model.setMatch}
        onAdd={model.addCondition}
        onAddGroup={model.addGroup}
        onChange={model.changeCondition}
        onValue={model.setValue}
        onRemove={model.removeCondition}
      />
      {conditionErrors.length ? (
        <FieldError id="rule-conditions-error">{conditionErrors[0]}</FieldError>
      ) : null}
      <h4>4. Then</h4>
      <ul class="cards">
        {d.actions.map((a, i) => (
          <RuleActionEditor
            key={`a${i}`}
            index={i}
            action={a}
            templates={model.templates.value}
            members={model.members.value}
            endpoints={model.endpoints.value}
            error={nestedErrors(errors, `actions.${i}`)[0]}
            canRemove={d.actions.length > 1}
            onChange={(next) => model.setAction(i, next)}
            onRemove={() => model.removeAction(i)}
          />
        ))}
      </ul>
      {d.actions.length < 5 ? (
        <button type="button" class="secondary" onClick={model.addAction}>
          + Action
        </button>
      ) : null}
      {errors.actions ? <FieldError id="rule-actions-error">{errors.actions}</FieldError> : null}
      {errors.form ? <FieldError id="rule-form-error">{errors.form}</FieldError> : null}
      <div class="row">
        <button type="submit" class="primary" disabled={model.saving.value}>
          {ran ? `Save as version ${(props.rule?.version ?? 0) + 1}` : 'Save automation'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
