import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { organizations } from '../../../db/schema';
import type { Organization } from '../../../shared/schemas/auth';
import type { OrganizationUpdate } from '../../../shared/schemas/members';
import type { AuditLog } from '../../lib/audit-log';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';

/**
 * Changes the signed-in member's own organisation. The organisations table is
 * the tenant itself (no organization_id column), so it is reached by its id
 * on the account database, never by a caller-given id.
 */
export async function updateOrganization(
  db: Db,
  audit: AuditLog,
  auth: AuthContext,
  change: OrganizationUpdate,
): Promise<Organization> {
  await db.batch([
    db.update(organizations).set(change).where(eq(organizations.id, auth.organizationId)),
    audit.statement({
      action: 'update',
      entityType: 'organization',
      entityId: auth.organizationId,
      detail: { changed: Object.keys(change), at: iso() },
    }),
  ]);
  const [org] = await db.select().from(organizations).where(eq(organizations.id, auth.organizationId));
  return { id: org!.id, name: org!.name, requireTwoFactor: org!.requireTwoFactor };
}
