import { inArray } from 'drizzle-orm';
import { memberships, messageTemplates, webhookEndpoints } from '../../../db/schema';
import { fieldsNotForSms } from '../../../shared/automation/merge-fields';
import type { RuleAction } from '../../../shared/schemas/automation-actions';
import { AppError } from '../../lib/app-error';
import type { TenantDb } from '../../lib/tenant-db';

type Issue = { path: string; issue: string };

/**
 * What a rule's actions name must be the organisation's own (another
 * organisation's id is not found either): templates of the action's channel,
 * staff members, webhook endpoints still in use. A text template may carry
 * only the fields a text may (minimum necessary PHI).
 */
export async function refuseBadActionReferences(tenant: TenantDb, actions: readonly RuleAction[]) {
  const templateIds = actions.flatMap((a) => ('templateId' in a ? [a.templateId] : []));
  const memberIds = actions.flatMap((a) => ('membershipId' in a && a.membershipId ? [a.membershipId] : []));
  const endpointIds = actions.flatMap((a) => (a.kind === 'webhook' ? [a.endpointId] : []));
  const [templates, members, endpoints] = await Promise.all([
    templateIds.length
      ? tenant.select(messageTemplates, inArray(messageTemplates.id, templateIds))
      : Promise.resolve([]),
    memberIds.length
      ? tenant.selectFields({ id: memberships.id }, memberships, inArray(memberships.id, memberIds))
      : Promise.resolve([]),
    endpointIds.length
      ? tenant.selectFields(
          { id: webhookEndpoints.id, disabledAt: webhookEndpoints.disabledAt },
          webhookEndpoints,
          inArray(webhookEndpoints.id, endpointIds),
        )
      : Promise.resolve([]),
  ]);
  const template = new Map(templates.map((t) => [t.id, t]));
  const member = new Set(members.map((m) => m.id));
  const endpoint = new Map(endpoints.map((e) => [e.id, e]));
  const details: Issue[] = [];
  for (const [i, a] of actions.entries()) {
    const at = (field: string) => `actions.${i}.${field}`;
    if ('membershipId' in a && a.membershipId && !member.has(a.membershipId))
      details.push({ path: at('membershipId'), issue: 'staff member not found' });
    if (a.kind === 'webhook') {
      if (endpoint.get(a.endpointId)?.disabledAt !== null)
        details.push({ path: at('endpointId'), issue: 'webhook endpoint not found' });
      continue;
    }
    if (a.kind === 'task') continue;
    const t = template.get(a.templateId);
    if (!t) details.push({ path: at('templateId'), issue: 'template not found' });
    else if (t.channel !== a.kind)
      details.push({ path: at('templateId'), issue: `the template is for ${t.channel}, not ${a.kind}` });
    else if (a.kind === 'sms')
      for (const field of fieldsNotForSms(t.body))
        details.push({ path: at('templateId'), issue: `a text message may not carry {{${field}}}` });
  }
  if (details.length)
    throw new AppError('validation_failed', 'Some actions name something that cannot be used', details);
}
