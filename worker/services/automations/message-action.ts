import { outboxMessages } from '../../../db/schema';
import { renderMergeFields, SMS_MERGE_FIELDS } from '../../../shared/automation/merge-fields';
import type { TenantDb } from '../../lib/tenant-db';
import type { MergeValues } from './merge-values';
import { SEND_STATUS } from './send-queue';
import { newUnsubscribeLink, unsubscribeHeaders, withUnsubscribeLine } from './unsubscribes';

export type MessageTemplateRow = { channel: string; subject: string | null; body: string; category: string };

/** What a text message may carry of `values`: the rest is left out, whatever the template says. */
export const smsValues = (values: MergeValues): MergeValues =>
  Object.fromEntries(Object.entries(values).filter(([field]) => SMS_MERGE_FIELDS.has(field)));

/** Texts say how to stop them (STOP is honoured by the inbound webhook). */
const SMS_STOP_LINE = 'Reply STOP to opt out.';

/**
 * The statements recording one automation message for the caller's batch:
 * an email carries its own one-click unsubscribe link; a text only the fields
 * a text may carry, and how to stop them.
 */
export async function messageStatements(
  tenant: TenantDb,
  baseUrl: string,
  id: string,
  template: MessageTemplateRow,
  recipient: string,
  values: MergeValues,
  now: string,
) {
  if (template.channel === 'sms')
    return {
      before: [],
      message: tenant
        .insert(outboxMessages, {
          id,
          channel: 'sms',
          recipient,
          subject: '',
          bodyText: `${renderMergeFields(template.body, smsValues(values))}\n${SMS_STOP_LINE}`,
          bodyHtml: null,
          category: template.category,
          headers: null,
          status: SEND_STATUS.enqueued,
          provider: 'pending',
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: outboxMessages.id }),
    };
  const link = await newUnsubscribeLink(tenant, baseUrl, 'email', recipient, template.category, now);
  return {
    before: [link.statement],
    message: tenant
      .insert(outboxMessages, {
        id,
        channel: 'email',
        recipient,
        subject: renderMergeFields(template.subject ?? '', values),
        bodyText: withUnsubscribeLine(renderMergeFields(template.body, values), template.category, link.url),
        bodyHtml: null,
        category: template.category,
        headers: unsubscribeHeaders(link.url),
        status: SEND_STATUS.enqueued,
        provider: 'pending',
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: outboxMessages.id }),
  };
}
