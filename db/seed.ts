import { ROLES, type Role } from '../shared/permissions';
import { hashPassword } from '../worker/services/auth/password-hash';
import type { AnyDb } from './client';
import { memberships, organizations, users } from './schema';

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

/**
 * Demo data for local development only (never run against production): one
 * user per role in "Demo Care Operations", and one administrator in "Other
 * Practice" so tenant isolation can be seen by hand. Fixed ids and
 * insert-or-ignore make a second run a no-op.
 */
export async function seedDemo(db: AnyDb): Promise<DemoLogin[]> {
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people: { org: (typeof DEMO_ORGS)[keyof typeof DEMO_ORGS]; role: Role }[] = [
    ...ROLES.map((role) => ({ org: DEMO_ORGS.demo, role })),
    { org: DEMO_ORGS.other, role: 'clinic_admin' },
  ];
  await db
    .insert(organizations)
    .values(
      Object.values(DEMO_ORGS).map((o) => ({
        id: o.id,
        name: o.name,
        requireTwoFactor: false,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
  const logins: DemoLogin[] = [];
  for (const { org, role } of people) {
    const email = `${role}@${org.domain}`;
    const userId = `usr_${org.domain.split('.')[0]}_${role}`;
    await db
      .insert(users)
      .values({
        id: userId,
        email,
        name: `${label(role)} (${org.name.split(' ')[0]})`,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    await db
      .insert(memberships)
      .values({
        id: `mem_${org.domain.split('.')[0]}_${role}`,
        organizationId: org.id,
        userId,
        role,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    logins.push({ organization: org.name, email, password: DEMO_PASSWORD, role });
  }
  return logins;
}
