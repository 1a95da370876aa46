import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { TenantDb } from '../lib/tenant-db';
import { receiveSms } from '../services/sms/inbound-sms';
import { isTwilioSignatureValid } from '../services/sms/twilio-signature';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Twilio's inbound-message webhook, one URL per organisation
 * (/webhooks/sms/<organization id>, set on the practice's number). The
 * request must carry a valid `X-Twilio-Signature` for the exact URL called;
 * the answer is TwiML with the reply to text back, if any.
 */
export const smsWebhookRoutes = new Hono<AppEnv>().post('/:organizationId', async (c) => {
  const token = c.env.TWILIO_AUTH_TOKEN;
  if (!token) throw new AppError('not_found', 'Not found');
  const form = await c.req.parseBody();
  const params = Object.fromEntries(
    Object.entries(form).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
  );
  if (!(await isTwilioSignatureValid(token, c.req.url, params, c.req.header('X-Twilio-Signature'))))
    throw new AppError('forbidden', 'The request signature is not valid');
  const from = params.From ?? '';
  if (!from) throw new AppError('validation_failed', 'From is missing');
  const tenant = new TenantDb(c.var.db, c.req.param('organizationId'));
  const { reply } = await receiveSms(tenant, c.var.audit, {
    from,
    body: (params.Body ?? '').slice(0, 1600),
    messageSid: params.MessageSid ?? '',
  });
  const message = reply ? `<Message>${xml(reply)}</Message>` : '';
  return c.body(`<?xml version="1.0" encoding="UTF-8"?><Response>${message}</Response>`, 200, {
    'Content-Type': 'text/xml',
  });
});
