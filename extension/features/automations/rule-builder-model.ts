import { action, computed, createModel, signal } from '@preact/signals';
import type {
  Rule,
  RuleCondition,
  RuleConditions,
  RuleDefinition,
  RuleOperator,
} from '../../../shared/schemas/automation-rules';
import type { Facility } from '../../../shared/schemas/facilities';
import type { Member } from '../../../shared/schemas/members';
import type { MessageTemplate } from '../../../shared/schemas/message-templates';
import type { WebhookEndpoint } from '../../../shared/schemas/webhooks';
import { api, call } from '../../api/client';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';
import { changedCondition, newCondition } from './rule-fields';

export type RuleAction = RuleDefinition['actions'][number];
type Entry = RuleConditions['conditions'][number];
/** Where a condition sits: the top level, or inside the group at `index`. */
export type ConditionAt = { index: number; inner?: number };

/** A new rule: once per case, all of one condition, no action chosen yet. */
export function blankRule(): RuleDefinition {
  return {
    name: '',
    category: 'case_updates',
    type: 'once',
    everyDays: null,
    relativeField: null,
    offsetDays: null,
    population: 'cases',
    facilityIds: [],
    conditions: { match: 'all', conditions: [newCondition('cases')] },
    actions: [blankAction()],
  };
}

/** A new action of `kind` (an email to the patient unless said otherwise), its template or assignee still to choose. */
export function blankAction(kind: RuleAction['kind'] = 'email'): RuleAction {
  switch (kind) {
    case 'sms':
      return { kind: 'sms', templateId: '', to: 'patient' };
    case 'task':
      return { kind: 'task', membershipId: '', title: '', dueInDays: 1 };
    case 'webhook':
      return { kind: 'webhook', endpointId: '' };
    default:
      return { kind: 'email', templateId: '', to: 'patient' };
  }
}

/** Replaces the condition at `at` (or removes it with `null`); a group left empty goes too. */
function withCondition(entries: Entry[], at: ConditionAt, next: RuleCondition | null): Entry[] {
  const out = entries.map((e, i) => {
    if (i !== at.index) return e;
    if (at.inner === undefined || 'field' in e) return next;
    const inner = e.conditions.flatMap((c, j) => (j !== at.inner ? [c] : next ? [next] : []));
    return inner.length ? { ...e, conditions: inner } : null;
  });
  return out.filter((e): e is Entry => e !== null);
}

/**
 * The rule builder: a definition being written step by step, the templates,
 * staff and locations it may name, and saving it (a new draft, or the rule
 * changed: a new version once it has run, as the API decides).
 */
export const RuleBuilderModel = createModel((rule: Rule | null) => {
  const draft = signal<RuleDefinition>(rule ? rule.definition : blankRule());
  const templates = signal<MessageTemplate[]>([]);
  const members = signal<Member[]>([]);
  const endpoints = signal<WebhookEndpoint[]>([]);
  const facilities = signal<Facility[]>([]);
  const errors = signal<FieldErrors>({});
  const saving = signal(false);
  const loadError = signal<string | null>(null);
  const population = computed(() => draft.value.population);

  const set = action(<K extends keyof RuleDefinition>(key: K, value: RuleDefinition[K]) => {
    draft.value = { ...draft.value, [key]: value };
  });

  const setConditions = (conditions: Entry[], match = draft.value.conditions.match) => {
    draft.value = { ...draft.value, conditions: { match, conditions } };
  };

  const entryAt = (at: ConditionAt): RuleCondition | null => {
    const e = draft.value.conditions.conditions[at.index];
    if (!e) return null;
    if ('field' in e) return e;
    return e.conditions[at.inner ?? 0] ?? null;
  };

  return {
    draft,
    templates,
    members,
    endpoints,
    facilities,
    errors,
    saving,
    loadError,
    population,
    set,
    setType: action((type: RuleDefinition['type']) => {
      draft.value = {
        ...draft.value,
        type,
        everyDays: type === 'recurring' ? (draft.value.everyDays ?? 7) : null,
        relativeField: type === 'relative' ? (draft.value.relativeField ?? 'expiryDate') : null,
        offsetDays: type === 'relative' ? (draft.value.offsetDays ?? -14) : null,
      };
    }),
    /** Another population has other fields: its conditions start again. */
    setPopulation: action((next: RuleDefinition['population']) => {
      if (next === draft.value.population) return;
      draft.value = {
        ...draft.value,
        population: next,
        conditions: { match: 'all', conditions: [newCondition(next)] },
      };
    }),
    toggleFacility: action((id: string, on: boolean) => {
      const ids = draft.value.facilityIds.filter((f) => f !== id);
      set('facilityIds', on ? [...ids, id] : ids);
    }),
    setMatch: action((match: 'all' | 'any', group?: number) => {
      const entries = draft.value.conditions.conditions;
      if (group === undefined) return setConditions(entries, match);
      setConditions(entries.map((e, i) => (i === group && !('field' in e) ? { ...e, match } : e)));
    }),
    changeCondition: action((at: ConditionAt, change: { field?: string; op?: RuleOperator }) => {
      const current = entryAt(at);
      if (current)
        setConditions(
          withCondition(
            draft.value.conditions.conditions,
            at,
            changedCondition(population.value, current, change),
          ),
        );
    }),
    setValue: action((at: ConditionAt, value: RuleCondition['value']) => {
      const current = entryAt(at);
      if (current) setConditions(withCondition(draft.value.conditions.conditions, at, { ...current, value }));
    }),
    removeCondition: action((at: ConditionAt) =>
      setConditions(withCondition(draft.value.conditions.conditions, at, null)),
    ),
    addCondition: action((group?: number) => {
      const entries = draft.value.conditions.conditions;
      const added = newCondition(population.value);
      if (group === undefined) return setConditions([...entries, added]);
      setConditions(
        entries.map((e, i) =>
          i === group && !('field' in e) ? { ...e, conditions: [...e.conditions, added] } : e,
        ),
      );
    }),
    /** One nested group (the schema's one level): "… and (this or that)". */
    addGroup: action(() => {
      const { match, conditions } = draft.value.conditions;
      const inner = match === 'all' ? 'any' : 'all';
      setConditions([...conditions, { match: inner, conditions: [newCondition(population.value)] }]);
    }),
    hasGroup: computed(() => draft.value.conditions.conditions.some((e) => !('field' in e))),
    setAction: action((index: number, next: RuleAction) => {
      set(
        'actions',
        draft.value.actions.map((a, i) => (i === index ? next : a)),
      );
    }),
    addAction: action(() => set('actions', [...draft.value.actions, blankAction()])),
    removeAction: action((index: number) =>
      set(
        'actions',
        draft.value.actions.filter((_, i) => i !== index),
      ),
    ),
    load: action(async () => {
      try {
        const [t, m, f, w] = await Promise.all([
          call(api['message-templates'].$get()),
          call(api.members.$get({ query: { limit: '200' } })),
          call(api.facilities.$get({ query: { limit: '200', sort: 'name' } })),
          call(api['webhook-endpoints'].$get()),
        ]);
        templates.value = t.items;
        members.value = m.items.filter((x) => x.status === 'active');
        facilities.value = f.items;
        endpoints.value = w.items;
      } catch (e) {
        loadError.value = (e as Error).message;
      }
    }),
    save: action(async (): Promise<Rule | null> => {
      saving.value = true;
      errors.value = {};
      try {
        const json = draft.value;
        if (rule) return await call(api['automation-rules'][':id'].$put({ param: { id: rule.id }, json }));
        return await call(api['automation-rules'].$post({ json }));
      } catch (e) {
        errors.value = fieldErrorsFrom(e);
        return null;
      } finally {
        saving.value = false;
      }
    }),
  };
});
