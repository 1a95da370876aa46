/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { ROLE_LABELS, type Role } from '../../shared/permissions';
import { newPasswordSchema } from '../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';
import { clientIp } from '../middleware/request-context';
import {
  acceptInvitation,
  findOpenInvitation,
  problemMessage,
} from '../services/invitations/accept-invitation';
import { Field, NewPasswordFields } from './form-field';
import { Layout } from './layout';
import { pageSecurity } from './page-security';

const newAccountForm = z.object({
  name: z.string().trim().min(1, { message: 'Enter your name' }).max(120),
  password: newPasswordSchema,
  confirm: z.string(),
});

type Errors = Partial<Record<'name' | 'password' | 'confirm' | 'form', string>>;

/** Invitation acceptance: server-rendered, works without JavaScript. */
export const invitePages = new Hono<AppEnv>();
invitePages.use('*', pageSecurity);

invitePages.get('/:token', async (c) => render(c, c.req.param('token'), {}));

invitePages.post('/:token', async (c) => {
  const token = c.req.param('token');
  const form = await c.req.parseBody();
  const found = await findOpenInvitation(c.var.db, token);
  if (found.problem !== null) return render(c, token, {});
  const errors: Errors = {};
  let name = String(form.name ?? '');
  const password = String(form.password ?? '');
  if (found.existingUser) {
    name = found.existingUser.name;
  } else {
    const parsed = newAccountForm.safeParse({ name, password, confirm: String(form.confirm ?? '') });
    if (!parsed.success) for (const i of parsed.error.issues) errors[i.path[0] as keyof Errors] ??= i.message;
    if (password !== String(form.confirm ?? '')) errors.confirm ??= 'The two passwords do not match';
  }
  if (Object.keys(errors).length) return render(c, token, errors, name, 400);
  try {
    const done = await acceptInvitation(
      c.var.db,
      c.var.audit,
      token,
      { name, password },
      { ip: clientIp(c.req.raw.headers) },
    );
    return c.html(
      <Layout title="You're in" nonce={c.get('secureHeadersNonce')}>
        <h1>You're in</h1>
        <p>
          You have joined <strong>{done.organizationName}</strong>. Open the Sidecar side panel in your
          browser and sign in as <strong>{done.email}</strong>.
        </p>
      </Layout>,
    );
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') return render(c, token, {});
    if (e instanceof AppError && e.code === 'unauthenticated')
      return render(c, token, { password: e.message }, name, 400);
    if (e instanceof AppError && e.code === 'rate_limited') {
      const retryAfter = e.headers?.['Retry-After'];
      if (retryAfter) c.header('Retry-After', retryAfter);
      return render(c, token, { password: e.message }, name, 429);
    }
    throw e;
  }
});

async function render(c: Context<AppEnv>, token: string, errors: Errors, name = '', status = 200) {
  const found = await findOpenInvitation(c.var.db, token);
  const nonce = c.get('secureHeadersNonce');
  if (found.problem !== null) {
    return c.html(
      <Layout title="Invitation" nonce={nonce}>
        <h1>This invitation can't be used</h1>
        <p>{problemMessage(found.problem)}</p>
      </Layout>,
      found.problem === 'unknown' ? 404 : 410,
    );
  }
  const { invitation, organizationName, existingUser } = found;
  return c.html(
    <Layout title="Accept invitation" nonce={nonce}>
      <h1>Join {organizationName}</h1>
      <p class="muted">
        As {ROLE_LABELS[invitation.role as Role]}, signing in as <strong>{invitation.email}</strong>.
      </p>
      <form method="post" novalidate>
        {existingUser ? (
          <Field
            id="password"
            label="Your current Sidecar password"
            type="password"
            error={errors.password}
            autocomplete="current-password"
            hint="You already have a Sidecar account; confirm it to join."
          />
        ) : (
          <>
            <Field
              id="name"
              label="Your name"
              type="text"
              value={name}
              error={errors.name}
              autocomplete="name"
            />
            <NewPasswordFields label="Choose a password" errors={errors} />
          </>
        )}
        <button type="submit">Accept invitation</button>
      </form>
    </Layout>,
    status as 200,
  );
}
