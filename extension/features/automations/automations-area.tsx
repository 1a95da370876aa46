import { useState } from 'preact/hooks';
import type { Rule } from '../../../shared/schemas/automation-rules';
import type { MessageTemplate } from '../../../shared/schemas/message-templates';
import { SectionTabs } from '../../ui/section-tabs';
import type { Me } from '../../utils/messages';
import { RuleList, TemplateList } from './automation-lists';
import { RuleBuilder } from './rule-builder';
import { RuleDetail } from './rule-detail';
import { SendingSettings } from './sending-settings';
import { TemplateEditor } from './template-editor';
import { WebhookEndpoints } from './webhook-endpoints';

type View =
  | { kind: 'rules' }
  | { kind: 'templates' }
  | { kind: 'settings' }
  | { kind: 'template'; template: MessageTemplate | null }
  | { kind: 'rule'; id: string }
  | { kind: 'build'; rule: Rule | null };

const SECTIONS = [
  { kind: 'rules', label: 'Rules' },
  { kind: 'templates', label: 'Templates' },
  { kind: 'settings', label: 'Sending settings' },
] as const;

/**
 * Automations (spec 002): the rules with their builder, dry run, Play/Pause
 * and history; the message templates they send; and the sending settings.
 */
export function AutomationsArea({ me }: { me: Me }) {
  const [view, setView] = useState<View>({ kind: 'rules' });
  const canEdit = me.permissions.includes('automations:edit');
  // Previews and dry runs read patients' cases.
  const canPreview = canEdit && me.permissions.includes('patients:view');

  if (view.kind === 'template')
    return (
      <TemplateEditor
        key={view.template?.id ?? 'new'}
        template={view.template}
        canEdit={canEdit}
        canPreview={canPreview}
        onBack={() => setView({ kind: 'templates' })}
      />
    );
  if (view.kind === 'build')
    return (
      <RuleBuilder
        rule={view.rule}
        onCancel={() => setView(view.rule ? { kind: 'rule', id: view.rule.id } : { kind: 'rules' })}
        onSaved={(rule) => setView({ kind: 'rule', id: rule.id })}
      />
    );
  if (view.kind === 'rule')
    return (
      <RuleDetail
        key={view.id}
        id={view.id}
        canEdit={canEdit}
        onBack={() => setView({ kind: 'rules' })}
        onEdit={(rule) => setView({ kind: 'build', rule })}
      />
    );
  const sections = (
    <SectionTabs
      label="Automations sections"
      sections={SECTIONS}
      current={view.kind}
      onPick={(kind) => setView({ kind })}
    />
  );
  return (
    <div>
      {sections}
      {view.kind === 'templates' ? (
        <TemplateList
          canEdit={canEdit}
          onOpen={(template) => setView({ kind: 'template', template })}
          onNew={() => setView({ kind: 'template', template: null })}
        />
      ) : view.kind === 'settings' ? (
        <>
          <SendingSettings canEdit={canEdit} />
          <WebhookEndpoints canManage={me.permissions.includes('automations:full')} />
        </>
      ) : (
        <RuleList
          canEdit={canEdit}
          onOpen={(id) => setView({ kind: 'rule', id })}
          onNew={() => setView({ kind: 'build', rule: null })}
        />
      )}
    </div>
  );
}
