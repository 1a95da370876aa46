import type { Organization } from '../../../shared/schemas/auth';
import type { OrganizationUpdate } from '../../../shared/schemas/members';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';

/** Changes the signed-in member's own organisation (never one named by the caller). */
export async function updateOrganization(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  change: OrganizationUpdate,
): Promise<Organization> {
  await tenant.batch([
    tenant.updateOrganization(change),
    audit.statement({
      action: 'update',
      entityType: 'organization',
      entityId: auth.organizationId,
      detail: { changed: Object.keys(change), at: iso() },
    }),
  ]);
  const org = await tenant.organization();
  return { id: org.id, name: org.name, requireTwoFactor: org.requireTwoFactor };
}
