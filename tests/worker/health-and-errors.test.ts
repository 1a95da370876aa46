import { describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';

describe('health and the error envelope', () => {
  it('answers /healthz without authentication', async () => {
    const res = await api('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });

  it('answers malformed JSON with 400 validation_failed and a request id', async () => {
    const res = await api('/api/v1/auth/login', { body: '{"email":' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.requestId).toBe(res.headers.get('X-Request-Id'));
  });

  it('rejects a body that is not JSON with 415', async () => {
    const res = await api('/api/v1/auth/login', {
      body: 'email=a',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe('unsupported_media_type');
  });

  it('rejects a body over 1 MB with 413', async () => {
    const res = await api('/api/v1/auth/login', {
      body: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
  });

  it('rejects unknown fields and names every failing path', async () => {
    const res = await api('/api/v1/auth/login', {
      body: { email: 'not-an-email', password: 'x', role: 'super_admin' },
    });
    expect(res.status).toBe(400);
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('email');
    expect(res.json.error.details.some((d: { issue: string }) => d.issue.includes('role'))).toBe(true);
  });

  it('rejects a bad query parameter with 400, not 500', async () => {
    const token = await loginAs('clinic_admin');
    const res = await api('/api/v1/members?limit=abc', { token });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe('limit');
    const cursor = await api('/api/v1/audit?cursor=%%%', { token });
    expect(cursor.status).toBe(400);
  });

  it('answers unknown paths with the 404 envelope', async () => {
    const res = await api('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await api('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const login = res.json.paths['/api/v1/auth/login'].post;
    const schema = login.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining(['/api/v1/me', '/api/v1/members', '/api/v1/invitations', '/api/v1/audit']),
    );
  });
});
