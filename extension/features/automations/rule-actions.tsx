import { ROLE_LABELS } from '../../../shared/permissions';
import type { Member } from '../../../shared/schemas/members';
import type { MessageTemplate } from '../../../shared/schemas/message-templates';
import { ACTION_KIND_LABELS, labelOf } from './automation-labels';
import { blankAction, type RuleAction } from './rule-builder-model';

/**
 * The kinds the builder offers, in the schema's terms. A kind the schema adds
 * joins this list and gets its fields in `ActionFields`; until then a rule
 * holding it still shows (the default branch) and saves unchanged.
 */
const ACTION_KINDS = ['email'] as const satisfies readonly RuleAction['kind'][];

/** The template channel each message action sends on. */
const CHANNEL_OF: Record<string, MessageTemplate['channel']> = { email: 'email', sms: 'sms' };

type Props = {
  index: number;
  action: RuleAction;
  templates: MessageTemplate[];
  members: Member[];
  error?: string | undefined;
  onChange: (next: RuleAction) => void;
};

function ActionFields(props: Props) {
  const { action: a, index } = props;
  switch (a.kind) {
    case 'email': {
      const templates = props.templates.filter((t) => t.channel === CHANNEL_OF[a.kind]);
      return (
        <>
          <label for={`action-${index}-template`}>Template</label>
          <select
            id={`action-${index}-template`}
            value={a.templateId}
            onChange={(e) => props.onChange({ ...a, templateId: e.currentTarget.value })}
          >
            <option value="">Choose a template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {templates.length ? null : (
            <p class="muted small">Write an email template under Templates first.</p>
          )}
          <label for={`action-${index}-staff`}>To the staff member</label>
          <select
            id={`action-${index}-staff`}
            value={a.membershipId}
            onChange={(e) => props.onChange({ ...a, membershipId: e.currentTarget.value })}
          >
            <option value="">Choose who receives it</option>
            {props.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({ROLE_LABELS[m.role]})
              </option>
            ))}
          </select>
        </>
      );
    }
    default:
      return <p class="muted small">This action is kept as it is; it cannot be changed here yet.</p>;
  }
}

/** One action of the rule: what it does, and the template and recipient it needs. */
export function RuleActionEditor(props: Props & { canRemove: boolean; onRemove: () => void }) {
  const { action: a, index } = props;
  return (
    <li class="card" data-testid="rule-action">
      <label for={`action-${index}-kind`}>Action {index + 1}</label>
      <select
        id={`action-${index}-kind`}
        value={a.kind}
        // Another kind starts blank: a template or recipient of one kind means nothing to another.
        onChange={(e) => {
          if (e.currentTarget.value !== a.kind) props.onChange(blankAction());
        }}
      >
        {ACTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {labelOf(ACTION_KIND_LABELS, k)}
          </option>
        ))}
      </select>
      <ActionFields {...props} />
      {props.error ? (
        <p class="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.canRemove ? (
        <button type="button" class="link" onClick={props.onRemove}>
          Remove action {index + 1}
        </button>
      ) : null}
    </li>
  );
}
