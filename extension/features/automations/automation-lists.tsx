import { useModel } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { Rule } from '../../../shared/schemas/automation-rules';
import type { MessageTemplate } from '../../../shared/schemas/message-templates';
import { CATEGORY_LABELS, RULE_STATUS_LABELS } from './automation-labels';
import { RuleListModel, TemplateListModel } from './automation-lists-model';

type ListState<T> = { items: T[]; loading: boolean; error: string | null };

export function WholeList<T>(props: {
  list: ListState<T>;
  label: string;
  testId: string;
  empty: string;
  row: (item: T) => ComponentChildren;
}) {
  const { list } = props;
  if (list.error)
    return (
      <p class="alert error" role="alert">
        {list.error}
      </p>
    );
  if (list.loading)
    return (
      <p class="loading" aria-busy="true">
        Loading…
      </p>
    );
  if (!list.items.length) return <p class="empty">{props.empty}</p>;
  return (
    <ul class="list" aria-label={props.label} data-testid={props.testId}>
      {list.items.map(props.row)}
    </ul>
  );
}

const STATUS_BADGE: Record<Rule['status'], string> = {
  draft: 'badge count',
  running: 'badge ok',
  paused: 'badge',
};

/** The rules with their status and version; a new one for those who may edit. */
export function RuleList(props: { canEdit: boolean; onOpen: (id: string) => void; onNew: () => void }) {
  const model = useModel(RuleListModel);
  return (
    <div>
      {props.canEdit ? (
        <button type="button" class="primary" onClick={props.onNew}>
          New automation
        </button>
      ) : null}
      <WholeList
        list={{ items: model.items.value, loading: model.loading.value, error: model.error.value }}
        label="Automation rules"
        testId="rule-list"
        empty="No automations yet. Write a message template, then build a rule that sends it."
        row={(r) => (
          <li key={r.id} data-testid="rule-row">
            <button type="button" class="row-link" onClick={() => props.onOpen(r.id)}>
              <strong>{r.definition.name}</strong>
              <span class="small">
                <span class={STATUS_BADGE[r.status]}>{RULE_STATUS_LABELS[r.status]}</span>{' '}
                <span class="muted">
                  version {r.version} · {CATEGORY_LABELS[r.definition.category]}
                </span>
              </span>
            </button>
          </li>
        )}
      />
    </div>
  );
}

/** The message templates by name; a new one for those who may edit. */
export function TemplateList(props: {
  canEdit: boolean;
  onOpen: (template: MessageTemplate) => void;
  onNew: () => void;
}) {
  const model = useModel(TemplateListModel);
  return (
    <div>
      {props.canEdit ? (
        <button type="button" class="primary" onClick={props.onNew}>
          New template
        </button>
      ) : null}
      <WholeList
        list={{ items: model.items.value, loading: model.loading.value, error: model.error.value }}
        label="Message templates"
        testId="template-list"
        empty="No message templates yet. Draft the email or text message your automations send."
        row={(t) => (
          <li key={t.id} data-testid="template-row">
            <button type="button" class="row-link" onClick={() => props.onOpen(t)}>
              <strong>{t.name}</strong>
              <span class="muted small">
                {t.channel === 'email' ? 'Email' : 'Text message'} · {CATEGORY_LABELS[t.category]}
              </span>
            </button>
          </li>
        )}
      />
    </div>
  );
}
