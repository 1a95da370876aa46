import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { automationActs, memberships, messageTemplates, webhookEndpoints } from '../../../db/schema';
import type { ActionRecipient, RuleAction } from '../../../shared/schemas/automation-actions';
import type { TenantDb } from '../../lib/tenant-db';
import { actId } from './act-ids';
import type { MergeValues } from './merge-values';
import { type MessageTemplateRow, messageStatements } from './message-action';
import {
  resolveRecipient,
  type SubjectPeople,
  type SubjectRef,
  staffAddress,
  subjectPeople,
} from './recipients';
import type { AutomationSend } from './send-queue';
import { taskStatement } from './task-action';
import { webhookDeliveryStatement } from './webhook-delivery';

/** One action with what it needs loaded once per evaluation (template, staff address, endpoint). */
type Prepared = {
  action: RuleAction;
  template: MessageTemplateRow | null;
  staff: { email: string; firstName: string | null } | null;
  /** Tasks: whether the assignee is still an active member. */
  assigneeActive: boolean;
  endpointUsable: boolean;
};

export async function prepareActions(tenant: TenantDb, actions: readonly RuleAction[]): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const action of actions) {
    const prepared: Prepared = {
      action,
      template: null,
      staff: null,
      assigneeActive: false,
      endpointUsable: false,
    };
    if (action.kind === 'email' || action.kind === 'sms') {
      const [template] = await tenant
        .select(messageTemplates, eq(messageTemplates.id, action.templateId))
        .limit(1);
      prepared.template = template ?? null;
      if (action.to === 'staff' && action.membershipId)
        prepared.staff = await staffAddress(tenant, action.membershipId);
    } else if (action.kind === 'task') {
      const [member] = await tenant
        .selectFields({ status: memberships.status }, memberships, eq(memberships.id, action.membershipId))
        .limit(1);
      prepared.assigneeActive = member?.status === 'active';
    } else {
      const [endpoint] = await tenant
        .selectFields(
          { disabledAt: webhookEndpoints.disabledAt },
          webhookEndpoints,
          eq(webhookEndpoints.id, action.endpointId),
        )
        .limit(1);
      prepared.endpointUsable = !!endpoint && !endpoint.disabledAt;
    }
    out.push(prepared);
  }
  return out;
}

export type Statement = BatchItem<'sqlite'>;

const LEAD_NAME = /\{\{\s*lead\.firstName\s*\}\}/;
const usesLeadName = (t: MessageTemplateRow) => LEAD_NAME.test(`${t.subject ?? ''}${t.body}`);
type Act = {
  kind: RuleAction['kind'];
  status: 'queued' | 'created' | 'skipped';
  recipientKind?: ActionRecipient | null;
  reason?: string | null;
  outboxMessageId?: string | null;
  taskId?: string | null;
  webhookDeliveryId?: string | null;
};

/** Where the statements whose results name what to enqueue sit in the batch. */
export type ActPlan = { messageAt: number[]; webhookAt: number[]; firstMessageId: string | null };

export type SubjectAct = {
  ruleId: string;
  version: number;
  subject: SubjectRef;
  occurrence: string;
  values: MergeValues;
  now: string;
  baseUrl: string;
};

/**
 * Adds to `statements` what every action does for one subject: a message
 * (email or text) to the resolved recipient, a task, or a webhook delivery,
 * each with its act row, all with ids derived from (rule version, subject,
 * occurrence, action), so overlapping or repeated runs record each once.
 * A message with no one to go to is an act `skipped` with the reason.
 */
export async function planActs(
  tenant: TenantDb,
  prepared: readonly Prepared[],
  s: SubjectAct,
  statements: Statement[],
): Promise<ActPlan> {
  const key = [s.ruleId, s.version, s.subject.id, s.occurrence] as const;
  const runId = await actId('run', ...key);
  const today = s.now.slice(0, 10);
  let people: SubjectPeople | undefined;
  const peopleNow = async () => {
    people ??= await subjectPeople(tenant, s.subject, today);
    return people;
  };
  const plan: ActPlan = { messageAt: [], webhookAt: [], firstMessageId: null };
  for (const [i, { action, ...ready }] of prepared.entries()) {
    let act: Act;
    if (action.kind === 'email' || action.kind === 'sms') {
      const template = ready.template;
      const to = action.to;
      const target =
        !template || template.channel !== action.kind
          ? { skip: `The ${action.kind === 'sms' ? 'text' : 'email'} template is gone or changed channel` }
          : to === 'staff'
            ? ready.staff && action.kind === 'email'
              ? { address: ready.staff.email, firstName: ready.staff.firstName }
              : {
                  skip: ready.staff
                    ? 'The staff member has no mobile number on file'
                    : 'The staff member is no longer active',
                }
            : resolveRecipient(await peopleNow(), to, action.kind, today);
      if ('skip' in target || !template) {
        act = {
          kind: action.kind,
          status: 'skipped',
          recipientKind: to,
          reason: 'skip' in target ? target.skip : null,
        };
      } else {
        const id = await actId('msg', ...key, i);
        const values = {
          ...s.values,
          'recipient.firstName': target.firstName,
          // Looked up only for a template that names it: a staff email about a case needs no people.
          'lead.firstName': usesLeadName(template) ? ((await peopleNow()).lead?.firstName ?? null) : null,
        };
        const built = await messageStatements(tenant, s.baseUrl, id, template, target.address, values, s.now);
        statements.push(...built.before);
        plan.messageAt.push(statements.length);
        statements.push(built.message);
        plan.firstMessageId ??= id;
        act = { kind: action.kind, status: 'queued', recipientKind: to, outboxMessageId: id };
      }
    } else if (action.kind === 'task') {
      if (!ready.assigneeActive)
        act = { kind: 'task', status: 'skipped', reason: 'The staff member is no longer active' };
      else {
        const id = await actId('tsk', ...key, i);
        const who = await peopleNow();
        statements.push(
          taskStatement(
            tenant,
            {
              id,
              assigneeId: action.membershipId,
              title: action.title,
              dueInDays: action.dueInDays,
              subject: s.subject,
              patientId: who.patientId,
              leadId: who.leadId,
              ruleId: s.ruleId,
              ruleVersion: s.version,
            },
            s.now,
          ),
        );
        act = { kind: 'task', status: 'created', taskId: id };
      }
    } else if (!ready.endpointUsable) {
      act = { kind: 'webhook', status: 'skipped', reason: 'The webhook endpoint was removed or disabled' };
    } else {
      const id = await actId('whd', ...key, i);
      const who = await peopleNow();
      // Ids only: whoever receives it looks the rest up with their own access (minimum necessary).
      const payload = {
        type: 'automation.action',
        timestamp: s.now,
        data: {
          ruleId: s.ruleId,
          ruleVersion: s.version,
          actionIndex: i,
          subject: s.subject,
          occurrence: s.occurrence,
          patientId: who.patientId,
          leadId: who.leadId,
        },
      };
      plan.webhookAt.push(statements.length);
      statements.push(
        webhookDeliveryStatement(
          tenant,
          { id, endpointId: action.endpointId, ruleId: s.ruleId, payload },
          s.now,
        ),
      );
      act = { kind: 'webhook', status: 'queued', webhookDeliveryId: id };
    }
    statements.push(
      tenant
        .insert(automationActs, {
          id: await actId('act', ...key, i),
          runId,
          actionIndex: i,
          kind: act.kind,
          status: act.status,
          recipientKind: act.recipientKind ?? null,
          reason: act.reason ?? null,
          outboxMessageId: act.outboxMessageId ?? null,
          taskId: act.taskId ?? null,
          webhookDeliveryId: act.webhookDeliveryId ?? null,
          createdAt: s.now,
        })
        .onConflictDoNothing(),
    );
  }
  return plan;
}

/** The sends a batch recorded anew (an overlapping run's inserts return nothing): what to enqueue. */
export function recordedSends(
  organizationId: string,
  results: readonly unknown[],
  plans: readonly ActPlan[],
): AutomationSend[] {
  const ids = (at: number) => (results[at] as { id: string }[]).map((r) => r.id);
  return plans.flatMap((p) => [
    ...p.messageAt.flatMap(ids).map((messageId) => ({ organizationId, messageId })),
    ...p.webhookAt.flatMap(ids).map((messageId) => ({ organizationId, messageId, kind: 'webhook' as const })),
  ]);
}
