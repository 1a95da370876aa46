import { ROLE_LABELS } from '../../../shared/permissions';
import { ACTION_RECIPIENTS } from '../../../shared/schemas/automation-actions';
import type { Member } from '../../../shared/schemas/members';
import type { MessageTemplate } from '../../../shared/schemas/message-templates';
import type { WebhookEndpoint } from '../../../shared/schemas/webhooks';
import { ACTION_KIND_LABELS, labelOf, RECIPIENT_LABELS } from './automation-labels';
import { blankAction, type RuleAction } from './rule-builder-model';

/**
 * The kinds the builder offers, in the schema's terms. A kind the schema adds
 * joins this list and gets its fields in `ActionFields`; until then a rule
 * holding it still shows (the default branch) and saves unchanged.
 */
const ACTION_KINDS = ['email', 'sms', 'task', 'webhook'] as const satisfies readonly RuleAction['kind'][];

/** The template channel each message action sends on. */
const CHANNEL_OF: Record<string, MessageTemplate['channel']> = { email: 'email', sms: 'sms' };

type Props = {
  index: number;
  action: RuleAction;
  templates: MessageTemplate[];
  members: Member[];
  endpoints: WebhookEndpoint[];
  error?: string | undefined;
  onChange: (next: RuleAction) => void;
};

function StaffChoice(
  props: Props & { value: string | null | undefined; label: string; onPick: (id: string) => void },
) {
  return (
    <>
      <label for={`action-${props.index}-staff`}>{props.label}</label>
      <select
        id={`action-${props.index}-staff`}
        value={props.value ?? ''}
        onChange={(e) => props.onPick(e.currentTarget.value)}
      >
        <option value="">Choose a staff member</option>
        {props.members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({ROLE_LABELS[m.role]})
          </option>
        ))}
      </select>
    </>
  );
}

function ActionFields(props: Props) {
  const { action: a, index } = props;
  switch (a.kind) {
    case 'email':
    case 'sms': {
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
            <p class="muted small">
              Write {a.kind === 'sms' ? 'a text message' : 'an email'} template under Templates first.
            </p>
          )}
          <label for={`action-${index}-to`}>To</label>
          <select
            id={`action-${index}-to`}
            value={a.to}
            onChange={(e) => {
              const to = e.currentTarget.value as (typeof ACTION_RECIPIENTS)[number];
              props.onChange({ ...a, to, membershipId: to === 'staff' ? (a.membershipId ?? '') : null });
            }}
          >
            {ACTION_RECIPIENTS.map((r) => (
              <option key={r} value={r}>
                {labelOf(RECIPIENT_LABELS, r)}
              </option>
            ))}
          </select>
          {a.to === 'staff' ? (
            <StaffChoice
              {...props}
              label="Which staff member"
              value={a.membershipId}
              onPick={(membershipId) => props.onChange({ ...a, membershipId })}
            />
          ) : (
            <p class="muted small">
              A minor's own address is never used while a guardian is on file; a missing address is shown as
              skipped in the run history.
            </p>
          )}
        </>
      );
    }
    case 'task':
      return (
        <>
          <StaffChoice
            {...props}
            label="Task for"
            value={a.membershipId}
            onPick={(membershipId) => props.onChange({ ...a, membershipId })}
          />
          <label for={`action-${index}-title`}>Task</label>
          <input
            id={`action-${index}-title`}
            value={a.title}
            maxLength={200}
            onInput={(e) => props.onChange({ ...a, title: e.currentTarget.value })}
          />
          <label for={`action-${index}-due`}>Due after (days)</label>
          <input
            id={`action-${index}-due`}
            type="number"
            min={0}
            max={365}
            value={a.dueInDays}
            onInput={(e) => props.onChange({ ...a, dueInDays: Number(e.currentTarget.value) || 0 })}
          />
        </>
      );
    case 'webhook': {
      // A disabled endpoint the rule still names stays listed, so the choice shows what is saved.
      const endpoints = props.endpoints.filter((x) => !x.disabledAt || x.id === a.endpointId);
      return (
        <>
          <label for={`action-${index}-endpoint`}>Endpoint</label>
          <select
            id={`action-${index}-endpoint`}
            value={a.endpointId}
            onChange={(e) => props.onChange({ ...a, endpointId: e.currentTarget.value })}
          >
            <option value="">Choose an endpoint</option>
            {endpoints.map((x) => (
              <option key={x.id} value={x.id}>
                {x.description ? `${x.description} (${x.url})` : x.url}
                {x.disabledAt ? ' (disabled)' : ''}
              </option>
            ))}
          </select>
          <p class="muted small">
            {endpoints.length
              ? 'A signed POST naming the rule and the subject by id; retried for a day if it fails.'
              : 'Add an endpoint under Sending settings first.'}
          </p>
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
          if (e.currentTarget.value !== a.kind)
            props.onChange(blankAction(e.currentTarget.value as RuleAction['kind']));
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
