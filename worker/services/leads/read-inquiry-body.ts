import type { HonoRequest } from 'hono';
import { AppError } from '../../lib/app-error';

/** A website inquiry's fields, from a plain form post or a JSON object; validated later by the lead form. */
export async function readInquiryBody(req: HonoRequest, isForm: boolean): Promise<Record<string, unknown>> {
  if (isForm) {
    const fields = await req.parseBody();
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string'));
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError('validation_failed', 'The request body is not valid JSON', [
      { path: '(body)', issue: 'malformed JSON' },
    ]);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new AppError('validation_failed', 'Send the inquiry as a JSON object', [
      { path: '(body)', issue: 'expected an object' },
    ]);
  return body as Record<string, unknown>;
}
