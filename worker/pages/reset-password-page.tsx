/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { newPasswordSchema } from '../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { confirmPasswordReset, findOpenReset } from '../services/auth/password-reset';
import { NewPasswordFields } from './form-field';
import { Layout } from './layout';
import { pageSecurity } from './page-security';

/** Password reset from an emailed link: server-rendered, works without JavaScript. */
export const resetPasswordPages = new Hono<AppEnv>();
resetPasswordPages.use('*', pageSecurity);

type Ctx = Context<AppEnv>;

function form(c: Ctx, errors: { password?: string; confirm?: string }, status = 200) {
  return c.html(
    <Layout title="Choose a new password" nonce={c.get('secureHeadersNonce')}>
      <h1>Choose a new password</h1>
      <form method="post" novalidate>
        <NewPasswordFields label="New password" errors={errors} />
        <button type="submit">Save password</button>
      </form>
    </Layout>,
    status as 200,
  );
}

function invalid(c: Ctx) {
  return c.html(
    <Layout title="Reset link" nonce={c.get('secureHeadersNonce')}>
      <h1>This link can't be used</h1>
      <p>
        It is not valid, was already used, or has expired (links last one hour). Ask for a new one from the
        sign-in screen.
      </p>
    </Layout>,
    410,
  );
}

resetPasswordPages.get('/:token', async (c) =>
  (await findOpenReset(c.var.db, c.req.param('token'))) ? form(c, {}) : invalid(c),
);

resetPasswordPages.post('/:token', async (c) => {
  const token = c.req.param('token');
  if (!(await findOpenReset(c.var.db, token))) return invalid(c);
  const body = await c.req.parseBody();
  const password = String(body.password ?? '');
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) return form(c, { password: parsed.error.issues[0]?.message }, 400);
  if (password !== String(body.confirm ?? ''))
    return form(c, { confirm: 'The two passwords do not match' }, 400);
  await confirmPasswordReset(c.var.db, c.var.audit, token, password);
  return c.html(
    <Layout title="Password changed" nonce={c.get('secureHeadersNonce')}>
      <h1>Password changed</h1>
      <p>You are signed out everywhere. Sign in again in the Sidecar side panel with your new password.</p>
    </Layout>,
  );
});
