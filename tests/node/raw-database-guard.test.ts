import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Tenant data is reached through `TenantDb` (worker/lib/tenant-db.ts), which
 * scopes every query to the signed-in organisation. Code that builds a query on
 * the raw database can forget that scope and still compile, so it is only
 * allowed in the data layer (worker/lib/, db/) and in the few places below that
 * run before a tenant is known or across all of them.
 */
const ALLOWED: Record<string, string> = {
  'worker/middleware/request-context.ts':
    'creates the per-request database, the audit log on it, and refreshes the session after the handler',
  'worker/middleware/require-auth.ts': 'resolves the bearer token to a session, then creates the TenantDb',
  'worker/routes/auth.ts':
    'sign-in, two-factor sign-in and password reset: no organisation until the user is known',
  'worker/routes/me.ts': 'two-factor setup belongs to the user account, which spans organisations',
  'worker/routes/public-leads.ts': 'the public lead form: a form key resolves to its organisation',
  'worker/routes/dev-mailbox.tsx': 'development-only outbox viewer, every organisation’s mail by design',
  'worker/pages/invite-page.tsx': 'invitation acceptance: the token resolves to its organisation',
  'worker/pages/reset-password-page.tsx': 'password reset by emailed token, before sign-in',
  'worker/pages/intake-form/routes.tsx': 'the public intake form: a form token resolves to its organisation',
  'worker/pages/records-link/routes.tsx':
    'the public records link: a link token resolves to its organisation',
  'worker/services/records/public-link.ts':
    'the public records link: a link token resolves to its organisation',
  'worker/cron/scheduled.ts': 'scheduled jobs claim work across every organisation',
  'worker/services/auth/login.ts':
    'sign-in: finds the user and their memberships before any organisation is chosen',
  'worker/services/auth/complete-two-factor-login.ts': 'second sign-in step, before the session is active',
  'worker/services/auth/login-throttle.ts':
    'failed-attempt counters keyed by email and address, before sign-in',
  'worker/services/auth/password-reset.ts': 'password reset by emailed token, before sign-in',
  'worker/services/auth/end-session.ts': 'signing out revokes the session, which belongs to the user account',
  'worker/services/auth/sessions.ts': 'sessions are created and revoked for a user, across organisations',
  'worker/services/auth/session-context.ts':
    'resolves a bearer token to its session, membership and organisation',
  'worker/services/auth/turn-off-two-factor.ts':
    'checks the account password (throttled like sign-in) before two-factor is turned off for the user',
  'worker/services/email/list-outbox-messages.ts':
    'development-only outbox viewer, every organisation’s mail by design',
  'worker/services/auth/two-factor.ts':
    'two-factor secrets belong to the user account, which spans organisations',
  'worker/services/invitations/accept-invitation.ts':
    'invitation acceptance: the token resolves to its organisation',
  'worker/services/email/outbox.ts':
    'delivers queued mail of every organisation (tenant mail is queued through TenantDb)',
  'worker/services/email/deliver-in-background.ts':
    'hands the request’s database to outbox delivery after the response',
  'worker/services/intake/save-draft.ts': 'the public intake form: a form token resolves to its organisation',
  'worker/services/intake/submit-form.ts':
    'the public intake form: a form token resolves to its organisation',
  'worker/services/intake/public-form.ts':
    'the public intake form: a form token resolves to its organisation',
  'worker/services/tasks/task-reminders.ts':
    'the task reminder job finds assignees with due tasks across every organisation',
  'worker/services/intake/request-reminders.ts':
    'the reminder job claims due requests across every organisation',
  'worker/services/intake-pdf/store-submission-pdf.ts':
    'renders a submission after the public form answered, found by its id alone',
  'worker/services/leads/lead-form.ts': 'the public lead form: a form key resolves to its organisation',
  'worker/services/email/notice-digest.ts': 'the digest job claims waiting notices across every organisation',
  'worker/services/leads/lead-tasks.ts': 'the task-reminder job claims due tasks across every organisation',
  'worker/services/referral-letters/progress-reports.ts':
    'the progress report job queues due letters across every organisation',
  'worker/services/records/escalations.ts':
    'the records escalation job claims due requests across every organisation',
  'worker/services/automations/run-automations.ts':
    'the automation job finds running rules across every organisation, then evaluates each in its own TenantDb',
  'worker/pages/unsubscribe-page.tsx':
    'the public unsubscribe page: a link token resolves to its organisation',
  'worker/services/automations/unsubscribes.ts':
    'the public unsubscribe page: a link token resolves to its organisation',
  'worker/routes/sms-webhooks.ts': 'Twilio’s signed webhook: the URL names its organisation',
  'worker/services/consents/backfill-consents.ts':
    'the consent backfill finds submissions made before the consents table, across every organisation',
  'worker/services/automations/send-queue.ts':
    'the automation job enqueues again the sends the queue lost, across every organisation',
  'worker/services/automations/webhook-requeue.ts':
    'the automation job enqueues again the webhook deliveries the queue lost, across every organisation',
};

const RAW_QUERY: [RegExp, string][] = [
  [
    /\bdb\s*\.\s*(select|selectDistinct|insert|update|delete|batch|run|all|get|values)\s*\(/,
    'a query on the raw database',
  ],
  [/\bc\.var\.db\b|\bc\.get\(\s*['"]db['"]\s*\)/, 'the raw database from the request context'],
  [/\{[^{}]*\bdb\b[^{}]*\}\s*=\s*c\.var\b/, 'the raw database from the request context'],
  [/\bdrizzle\w*\s*\(/, 'a new drizzle database'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Comments may talk about queries; only code counts. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function rawDatabaseUses(root: string, files = sourceFiles(join(root, 'worker'))) {
  const found: string[] = [];
  for (const file of files) {
    const path = relative(root, file).split('\\').join('/');
    if (path.startsWith('worker/lib/') || path in ALLOWED) continue;
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const [pattern, what] of RAW_QUERY) {
      const match = pattern.exec(code);
      if (match) {
        const line = code.slice(0, match.index).split('\n').length;
        found.push(`${path}:${line} ${what}: ${match[0].replace(/\s+/g, ' ')}`);
      }
    }
  }
  return found;
}

const root = join(import.meta.dirname, '..', '..');

describe('the raw database stays inside the data layer', () => {
  it('no code outside worker/lib/ and db/ builds a query on it, but the allowlisted pre-tenant code', () => {
    expect(rawDatabaseUses(root)).toEqual([]);
  });

  it('every allowlisted file exists and still needs its entry', () => {
    const files = sourceFiles(join(root, 'worker'));
    for (const path of Object.keys(ALLOWED)) {
      const code = withoutComments(readFileSync(join(root, path), 'utf8'));
      expect(
        RAW_QUERY.some(([pattern]) => pattern.test(code)),
        `${path} no longer uses the raw database; remove it from the allowlist`,
      ).toBe(true);
      expect(files.map((f) => relative(root, f).split('\\').join('/'))).toContain(path);
    }
  });
});
