import { asc, eq } from 'drizzle-orm';
import { facilities, facilityContractEvents } from '../../../db/schema';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_TRANSITIONS,
  type ContractStatus,
  canMoveContract,
  contractStatusPhrase,
} from '../../../shared/contract-status';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visibleFacility } from './facility-access';
import { facilityView } from './facility-view';

/** Moves a facility's contract along the allowed transitions, recording who, when, from, to and why. */
export async function changeContractStatus(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  input: { to: ContractStatus; note?: string },
) {
  const row = await visibleFacility(tenant, id);
  const from = row.contractStatus as ContractStatus;
  if (!canMoveContract(from, input.to)) {
    const label = (s: ContractStatus) => CONTRACT_STATUS_LABELS[s].toLowerCase();
    const allowed = CONTRACT_TRANSITIONS[from].map(label).join(' or ');
    throw new AppError(
      'conflict',
      `${contractStatusPhrase(from)} cannot become ${label(input.to)}; it can become ${allowed}`,
    );
  }
  const now = iso();
  await tenant.batch([
    tenant.update(facilities, { contractStatus: input.to, updatedAt: now }, eq(facilities.id, id)),
    tenant.insert(facilityContractEvents, {
      id: newId('fce'),
      facilityId: id,
      fromStatus: from,
      toStatus: input.to,
      note: input.note?.trim() || null,
      changedBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'update',
      entityType: 'facility',
      entityId: id,
      detail: { contractStatus: { from, to: input.to } },
    }),
  ]);
  return facilityView(tenant, await visibleFacility(tenant, id));
}

export async function contractHistory(tenant: TenantDb, _auth: AuthContext, id: string) {
  await visibleFacility(tenant, id);
  const rows = await tenant
    .select(facilityContractEvents, eq(facilityContractEvents.facilityId, id))
    .orderBy(asc(facilityContractEvents.createdAt), asc(facilityContractEvents.id));
  return rows.map((r) => ({
    id: r.id,
    fromStatus: r.fromStatus as ContractStatus | null,
    toStatus: r.toStatus as ContractStatus,
    note: r.note,
    changedBy: r.changedBy,
    createdAt: r.createdAt,
  }));
}
