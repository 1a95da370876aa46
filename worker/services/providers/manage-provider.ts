import { and, asc, eq, isNull } from 'drizzle-orm';
import { assignments, facilities, patients, providers } from '../../../db/schema';
import type { ProviderUpdate } from '../../../shared/schemas/providers';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { checkProviderNpi, providerView } from './providers';

const openFor = (providerId: string) =>
  and(eq(assignments.providerId, providerId), isNull(assignments.endedAt));

/** Edits a provider; capacity cannot drop below the patients they have now (reassign some first). */
export async function updateProvider(tenant: TenantDb, audit: AuditLog, id: string, change: ProviderUpdate) {
  const provider = await tenant.get(providers, id, 'Provider');
  if (change.npi) await checkProviderNpi(tenant, change.npi, id);
  const load = await tenant.count(assignments, openFor(id));
  if (change.capacity !== undefined && change.capacity < load) {
    throw new AppError(
      'conflict',
      `${provider.name} has ${load} patients now: capacity cannot be below that (reassign some first)`,
    );
  }
  await tenant.batch([
    tenant.update(providers, { ...change, updatedAt: iso() }, eq(providers.id, id)),
    audit.statement({
      action: 'update',
      entityType: 'provider',
      entityId: id,
      detail: { fields: Object.keys(change) },
    }),
  ]);
  return providerView(tenant, id);
}

/** The patients retiring a provider returns to the pending pool, for the person to confirm. */
export async function retirementPreview(tenant: TenantDb, audit: AuditLog, id: string) {
  await tenant.get(providers, id, 'Provider');
  const rows = await tenant
    .join(
      {
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        facilityName: facilities.name,
      },
      assignments,
      [
        { table: patients, on: eq(patients.id, assignments.patientId) },
        { table: facilities, on: eq(facilities.id, patients.facilityId) },
      ],
      openFor(id),
    )
    .orderBy(asc(patients.nameKey));
  audit.record({
    action: 'list',
    entityType: 'provider_patients',
    entityId: id,
    detail: { patientIds: rows.map((r) => r.id) },
  });
  return { patients: rows };
}

/**
 * Retires a provider after the person confirmed exactly who returns to the
 * pending pool: the provider becomes inactive and every open assignment ends
 * (`provider_retired`, kept in the history) in one batch. A list that changed
 * since it was shown is a 409, so nobody is moved unseen.
 */
export async function retireProvider(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  confirmed: string[],
) {
  const provider = await tenant.get(providers, id, 'Provider');
  if (!provider.active) throw new AppError('conflict', `${provider.name} is already retired`);
  const open = await tenant.selectFields({ patientId: assignments.patientId }, assignments, openFor(id));
  const seen = new Set(confirmed);
  if (open.length !== seen.size || !open.every((a) => seen.has(a.patientId))) {
    throw new AppError(
      'conflict',
      `${provider.name} now has ${open.length} patient${open.length === 1 ? '' : 's'}, not the ${seen.size} you confirmed: review the list again`,
    );
  }
  const now = iso();
  await tenant.batch([
    tenant.update(providers, { active: false, updatedAt: now }, eq(providers.id, id)),
    tenant.update(
      assignments,
      { endedAt: now, endedBy: auth.userId, endReason: 'provider_retired' },
      openFor(id),
    ),
    audit.statement({
      action: 'update',
      entityType: 'provider',
      entityId: id,
      detail: { retired: true, returnedToPool: open.map((a) => a.patientId) },
    }),
  ]);
  return { provider: await providerView(tenant, id), returnedToPool: open.length };
}

/** A retired provider can take patients again; their old patients stay where they are now. */
export async function reactivateProvider(tenant: TenantDb, audit: AuditLog, id: string) {
  const provider = await tenant.get(providers, id, 'Provider');
  if (provider.active) throw new AppError('conflict', `${provider.name} is already active`);
  await tenant.batch([
    tenant.update(providers, { active: true, updatedAt: iso() }, eq(providers.id, id)),
    audit.statement({
      action: 'update',
      entityType: 'provider',
      entityId: id,
      detail: { reactivated: true },
    }),
  ]);
  return providerView(tenant, id);
}
