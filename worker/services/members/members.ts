import { desc, eq } from 'drizzle-orm';
import { memberships, users } from '../../../db/schema';
import type { Role } from '../../../shared/permissions';
import type { Member } from '../../../shared/schemas/members';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { revokeMembershipSessionsStatement } from '../auth/sessions';

const memberFields = {
  id: memberships.id,
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  status: memberships.status,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: memberships.createdAt,
};

type MemberRow = { [K in keyof typeof memberFields]: (typeof memberFields)[K]['_']['data'] | null };

function toMember(row: MemberRow): Member {
  return {
    id: row.id!,
    userId: row.userId!,
    email: row.email!,
    name: row.name!,
    role: row.role as Role,
    status: row.status as Member['status'],
    twoFactorEnabled: !!row.totpEnabledAt,
    createdAt: row.createdAt!,
  };
}

export async function listMembers(
  tenant: TenantDb,
  audit: AuditLog,
  query: { limit: number; cursor?: string },
) {
  const cursor = decodeCursor(query.cursor);
  const rows = await tenant
    .join(
      memberFields,
      memberships,
      [{ table: users, on: eq(users.id, memberships.userId) }],
      afterCursor(memberships.createdAt, memberships.id, cursor),
    )
    .orderBy(desc(memberships.createdAt), desc(memberships.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows as (MemberRow & { id: string; createdAt: string })[], query.limit);
  audit.record({ action: 'list', entityType: 'membership', detail: { count: page.items.length } });
  return { items: page.items.map(toMember), nextCursor: page.nextCursor };
}

export async function getMember(tenant: TenantDb, id: string): Promise<Member> {
  const [row] = await tenant
    .join(
      memberFields,
      memberships,
      [{ table: users, on: eq(users.id, memberships.userId) }],
      eq(memberships.id, id),
    )
    .limit(1);
  if (!row) throw new AppError('not_found', 'Member not found');
  return toMember(row);
}

/**
 * Role changes and deactivation. Deactivating ends the member's sessions in
 * the same batch, so the next request they make is already refused.
 */
export async function updateMember(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  change: { role?: Role; status?: 'active' | 'deactivated' },
) {
  const before = await getMember(tenant, id);
  if (before.id === auth.membershipId) {
    throw new AppError(
      'conflict',
      'You cannot change your own role or deactivate yourself; ask another administrator',
    );
  }
  if ((change.role === 'super_admin' || before.role === 'super_admin') && auth.role !== 'super_admin') {
    throw new AppError('forbidden', 'Only a super admin can grant or change the super admin role');
  }
  const statements = [
    tenant.update(memberships, { ...change, updatedAt: iso() }, eq(memberships.id, id)),
    // Roles are read on every request, so a new role needs no sign-out; deactivation does.
    ...(change.status === 'deactivated' ? [revokeMembershipSessionsStatement(tenant, id)] : []),
    audit.statement({
      action: 'update',
      entityType: 'membership',
      entityId: id,
      detail: { from: { role: before.role, status: before.status }, to: change },
    }),
  ] as const;
  await tenant.batch(statements);
  return getMember(tenant, id);
}
