import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { libsqlDatabase, migrateLibsql } from '../../db/libsql';
import { auditEvents, invitations, memberships, organizations, sessions, users } from '../../db/schema';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/seed-demo';
import { verifyPassword } from '../../worker/lib/password-hash';

const dir = mkdtempSync(join(tmpdir(), 'sidecar-libsql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the same schema and migrations on libSQL', () => {
  it('migrates a libSQL file and round-trips the core tables', async () => {
    const { db, client } = libsqlDatabase(`file:${join(dir, 'sidecar.db')}`);
    await migrateLibsql(db);
    await migrateLibsql(db); // a second run applies nothing

    const logins = await seedDemo(db);
    expect(logins).toHaveLength(11);
    await seedDemo(db); // idempotent
    expect((await db.select({ n: sql<number>`count(*)` }).from(users))[0]!.n).toBe(11);

    const [org] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.id, 'org_demo_care_operations'));
    expect(org).toMatchObject({ name: 'Demo Care Operations', requireTwoFactor: false });
    const [admin] = await db.select().from(users).where(eq(users.email, 'clinic_admin@demo.test'));
    expect(await verifyPassword(DEMO_PASSWORD, admin!.passwordHash!)).toBe(true);
    const roles = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(eq(memberships.organizationId, org!.id));
    expect(roles).toHaveLength(10);

    const now = new Date().toISOString();
    await db.insert(sessions).values({
      id: 'ses_1',
      organizationId: org!.id,
      tokenHash: 'h',
      userId: admin!.id,
      membershipId: 'mem_demo_clinic_admin',
      state: 'active',
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now,
    });
    await db.insert(invitations).values({
      id: 'inv_1',
      organizationId: org!.id,
      email: 'a@b.test',
      role: 'billing',
      tokenHash: 't',
      createdAt: now,
      sentAt: now,
      expiresAt: now,
    });
    await db.insert(auditEvents).values({
      id: 'aud_1',
      organizationId: org!.id,
      action: 'login',
      entityType: 'session',
      outcome: 'success',
      detail: { stage: 'complete' },
      createdAt: now,
    });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.id, 'aud_1'));
    expect(event!.detail).toEqual({ stage: 'complete' });
    expect((await db.select().from(sessions))[0]!.membershipId).toBe('mem_demo_clinic_admin');
    expect((await db.select().from(invitations))[0]!.email).toBe('a@b.test');

    // The immutability triggers come along with the migrations.
    const refused = await db
      .delete(auditEvents)
      .where(eq(auditEvents.id, 'aud_1'))
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(String((refused?.cause as Error | undefined)?.message)).toMatch(/audit events are immutable/);
    client.close();
  });
});
