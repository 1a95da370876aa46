import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { facilities } from '../../../db/schema';
import type { Facility, FacilityUpdate } from '../../../shared/schemas/facilities';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AddressVerifier } from '../address/address-verifier';
import type { AuthContext } from '../auth/session-context';
import { assertCategoriesFree } from '../patients/service-offer';
import { assertFacilitySideChange, visibleFacility } from './facility-access';
import { planAdministrator, releaseAdministratorStatements } from './facility-administrator';
import { assertNameFree, verifiedAddressColumns } from './facility-rules';
import { facilityNameKey, facilityView } from './facility-view';

/**
 * Edits a facility: only the fields sent change. A new administrator email
 * withdraws the old invitation and invites the new address (the spec's "wrong
 * email" case); the same email with a new name or phone just updates them.
 */
export async function updateFacility(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: FacilityUpdate,
  deps: { verifier: AddressVerifier; baseUrl: string },
): Promise<{ facility: Facility; messageId: string | null }> {
  const row = await visibleFacility(tenant, id);
  if (input.administrator !== undefined && !auth.permissions.includes('facilities:full')) {
    throw new AppError('forbidden', 'Only operations administrators can change who administers a facility');
  }
  assertFacilitySideChange(auth, input);
  if (input.name !== undefined) await assertNameFree(tenant, input.name, id, auth.role !== 'facility_admin');
  const set: Partial<typeof facilities.$inferInsert> = { updatedAt: iso() };
  const extra: BatchItem<'sqlite'>[] = [];
  let messageId: string | null = null;

  if (input.name !== undefined)
    Object.assign(set, {
      name: input.name.trim().replace(/\s+/g, ' '),
      nameKey: facilityNameKey(input.name),
    });
  for (const key of ['phone', 'email', 'website'] as const)
    if (input[key] !== undefined) set[key] = input[key];
  if (input.cycleStartDay !== undefined) set.cycleStartDay = input.cycleStartDay;
  if (input.serviceCategories !== undefined) {
    await assertCategoriesFree(tenant, row, input.serviceCategories);
    set.serviceCategories = [...new Set(input.serviceCategories)];
  }
  if (input.features) {
    const f = input.features;
    Object.assign(set, {
      ...(f.ordering !== undefined && { featureOrdering: f.ordering }),
      ...(f.emar !== undefined && { featureEmar: f.emar }),
      ...(f.bubblePack !== undefined && { featureBubblePack: f.bubblePack }),
      ...(f.notes !== undefined && { featureNotes: f.notes }),
      ...(f.tasks !== undefined && { featureTasks: f.tasks }),
    });
  }
  if (input.address) Object.assign(set, await verifiedAddressColumns(deps.verifier, input.address));

  if (input.administrator === null) {
    extra.push(...releaseAdministratorStatements(tenant, row));
    Object.assign(set, {
      administratorName: null,
      administratorEmail: null,
      administratorPhone: null,
      administratorInvitationId: null,
      administratorMembershipId: null,
    });
  } else if (input.administrator) {
    const admin = input.administrator;
    Object.assign(set, {
      administratorName: admin.name,
      administratorPhone: admin.phone ?? null,
      administratorEmail: admin.email,
    });
    if (admin.email !== row.administratorEmail) {
      extra.push(...releaseAdministratorStatements(tenant, row));
      const plan = await planAdministrator(tenant, auth, id, admin.email, deps.baseUrl);
      Object.assign(set, plan.columns);
      extra.push(...plan.statements);
      messageId = plan.messageId;
    }
  }

  await tenant.batch([
    tenant.update(facilities, set, eq(facilities.id, id)),
    ...extra,
    audit.statement({
      action: 'update',
      entityType: 'facility',
      entityId: id,
      detail: { changed: Object.keys(input) },
    }),
  ]);
  return { facility: await facilityView(tenant, await visibleFacility(tenant, id)), messageId };
}

/** Sends the administrator's invitation again with a fresh link. */
export async function resendAdministratorInvitation(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  baseUrl: string,
): Promise<{ facility: Facility; messageId: string | null }> {
  const row = await visibleFacility(tenant, id);
  if (!row.administratorEmail) throw new AppError('conflict', 'This facility has no administrator to invite');
  if (row.administratorMembershipId) {
    throw new AppError(
      'conflict',
      `${row.administratorEmail} already has access to this facility; no invitation is needed`,
    );
  }
  const plan = await planAdministrator(tenant, auth, id, row.administratorEmail, baseUrl);
  await tenant.batch([
    tenant.update(facilities, { ...plan.columns, updatedAt: iso() }, eq(facilities.id, id)),
    ...plan.statements,
    audit.statement({
      action: 'invite',
      entityType: 'facility',
      entityId: id,
      detail: { outcome: plan.outcome },
    }),
  ]);
  return {
    facility: await facilityView(tenant, await visibleFacility(tenant, id)),
    messageId: plan.messageId,
  };
}
