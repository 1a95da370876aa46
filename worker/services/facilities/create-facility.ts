import { eq } from 'drizzle-orm';
import { facilities, facilityContractEvents } from '../../../db/schema';
import type { Facility, FacilityCreate } from '../../../shared/schemas/facilities';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AddressVerifier } from '../address/address-verifier';
import type { AuthContext } from '../auth/session-context';
import { planAdministrator } from './facility-administrator';
import { assertNameFree, verifiedAddressColumns } from './facility-rules';
import { facilityNameKey, facilityView } from './facility-view';

/**
 * Creates a facility (spec 000, step 1). The address must verify, the name must
 * be free, and an administrator, when given, is invited (or attached) in the
 * same batch: the facility, its first contract event, the invitation, its email
 * and the audit event land together or not at all.
 */
export async function createFacility(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: FacilityCreate,
  deps: { verifier: AddressVerifier; baseUrl: string },
): Promise<{ facility: Facility; messageId: string | null }> {
  await assertNameFree(tenant, input.name);
  const address = await verifiedAddressColumns(deps.verifier, input.address);
  const id = newId('fac');
  const now = iso();
  const admin = input.administrator
    ? await planAdministrator(tenant, auth, id, input.administrator.email, deps.baseUrl)
    : null;

  await tenant.batch([
    tenant.insert(facilities, {
      id,
      name: input.name.trim().replace(/\s+/g, ' '),
      nameKey: facilityNameKey(input.name),
      phone: input.phone ?? null,
      email: input.email ?? null,
      website: input.website ?? null,
      administratorName: input.administrator?.name ?? null,
      administratorEmail: input.administrator?.email ?? null,
      administratorPhone: input.administrator?.phone ?? null,
      ...(admin?.columns ?? {}),
      featureOrdering: input.features.ordering,
      featureEmar: input.features.emar,
      featureBubblePack: input.features.bubblePack,
      featureNotes: input.features.notes,
      featureTasks: input.features.tasks,
      cycleStartDay: input.cycleStartDay ?? null,
      ...address,
      contractStatus: input.contractStatus,
      serviceCategories: [...new Set(input.serviceCategories)],
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    }),
    tenant.insert(facilityContractEvents, {
      id: newId('fce'),
      facilityId: id,
      fromStatus: null,
      toStatus: input.contractStatus,
      note: 'Facility created',
      changedBy: auth.userId,
      createdAt: now,
    }),
    ...(admin?.statements ?? []),
    audit.statement({
      action: 'create',
      entityType: 'facility',
      entityId: id,
      detail: { administrator: admin?.outcome ?? null, contractStatus: input.contractStatus },
    }),
  ]);
  const [row] = await tenant.select(facilities, eq(facilities.id, id));
  if (!row) throw new AppError('internal_error', 'The facility was not saved');
  return { facility: await facilityView(tenant, row), messageId: admin?.messageId ?? null };
}
