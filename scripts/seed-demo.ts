import type { AnyDb } from '../db/client';
import { leadFormSettings, memberships, organizations, users } from '../db/schema';
import { ROLES, type Role } from '../shared/permissions';
import { randomBytes, toBase64Url } from '../worker/lib/crypto';
import { hashPassword } from '../worker/lib/password-hash';

export const DEMO_PASSWORD = 'sidecar-demo';

export const DEMO_ORGS = {
  demo: { id: 'org_demo_care_operations', name: 'Demo Care Operations', domain: 'demo.test' },
  other: { id: 'org_other_practice', name: 'Other Practice', domain: 'other.test' },
} as const;

export type DemoLogin = { organization: string; email: string; password: string; role: Role };

const label = (role: Role) =>
  role
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

type DemoRows = {
  organizations: (typeof organizations.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  leadForms: (typeof leadFormSettings.$inferInsert)[];
  logins: DemoLogin[];
};

/**
 * Demo data for local development only (never run against production): one
 * user per role in "Demo Care Operations", and one administrator in "Other
 * Practice" so tenant isolation can be seen by hand. Fixed ids make every
 * insert ignorable, so a second run is a no-op.
 */
export async function demoRows(now = new Date().toISOString()): Promise<DemoRows> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people: { org: (typeof DEMO_ORGS)[keyof typeof DEMO_ORGS]; role: Role }[] = [
    ...ROLES.map((role) => ({ org: DEMO_ORGS.demo, role })),
    { org: DEMO_ORGS.other, role: 'clinic_admin' },
  ];
  const rows: DemoRows = {
    organizations: Object.values(DEMO_ORGS).map((o) => ({
      id: o.id,
      name: o.name,
      requireTwoFactor: false,
      createdAt: now,
    })),
    users: [],
    memberships: [],
    // The demo practice's website form is on and accepts posts from the local worker's own origin,
    // so it can be tried by hand; the key is random like any other (a re-run keeps the first one).
    leadForms: [
      {
        organizationId: DEMO_ORGS.demo.id,
        formKey: toBase64Url(randomBytes(24)),
        enabled: true,
        allowedOrigins: ['http://127.0.0.1:8787'],
        updatedBy: null,
        updatedAt: now,
      },
    ],
    logins: [],
  };
  for (const { org, role } of people) {
    const email = `${role}@${org.domain}`;
    const tag = org.domain.split('.')[0];
    const userId = `usr_${tag}_${role}`;
    rows.users.push({
      id: userId,
      email,
      name: `${label(role)} (${org.name.split(' ')[0]})`,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    rows.memberships.push({
      id: `mem_${tag}_${role}`,
      organizationId: org.id,
      userId,
      role,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    rows.logins.push({ organization: org.name, email, password: DEMO_PASSWORD, role });
  }
  return rows;
}

/** Seeds through drizzle (D1 in tests, libSQL in Node). */
export async function seedDemo(db: AnyDb): Promise<DemoLogin[]> {
  const rows = await demoRows();
  await db.insert(organizations).values(rows.organizations).onConflictDoNothing();
  for (const user of rows.users) await db.insert(users).values(user).onConflictDoNothing();
  for (const membership of rows.memberships)
    await db.insert(memberships).values(membership).onConflictDoNothing();
  await db.insert(leadFormSettings).values(rows.leadForms).onConflictDoNothing();
  return rows.logins;
}

const literal = (v: unknown) =>
  v === null || v === undefined
    ? 'NULL'
    : typeof v === 'boolean'
      ? v
        ? '1'
        : '0'
      : `'${String(v).replace(/'/g, "''")}'`;

/** The same rows as SQL for `wrangler d1 execute --local --file`. */
export async function demoSeedSql(): Promise<{ sql: string; logins: DemoLogin[] }> {
  const rows = await demoRows();
  const insert = (table: string, records: Record<string, unknown>[], columns: [string, string][]) =>
    records.map(
      (r) =>
        `INSERT OR IGNORE INTO ${table} (${columns.map(([, c]) => c).join(', ')}) VALUES (${columns.map(([k]) => literal(r[k])).join(', ')});`,
    );
  const sql = [
    ...insert('organizations', rows.organizations, [
      ['id', 'id'],
      ['name', 'name'],
      ['requireTwoFactor', 'require_two_factor'],
      ['createdAt', 'created_at'],
    ]),
    ...insert('users', rows.users, [
      ['id', 'id'],
      ['email', 'email'],
      ['name', 'name'],
      ['passwordHash', 'password_hash'],
      ['createdAt', 'created_at'],
      ['updatedAt', 'updated_at'],
    ]),
    ...insert('memberships', rows.memberships, [
      ['id', 'id'],
      ['organizationId', 'organization_id'],
      ['userId', 'user_id'],
      ['role', 'role'],
      ['status', 'status'],
      ['createdAt', 'created_at'],
      ['updatedAt', 'updated_at'],
    ]),
    ...insert(
      'lead_form_settings',
      rows.leadForms.map((f) => ({ ...f, allowedOrigins: JSON.stringify(f.allowedOrigins) })),
      [
        ['organizationId', 'organization_id'],
        ['formKey', 'form_key'],
        ['enabled', 'enabled'],
        ['allowedOrigins', 'allowed_origins'],
        ['updatedAt', 'updated_at'],
      ],
    ),
  ].join('\n');
  return { sql, logins: rows.logins };
}
