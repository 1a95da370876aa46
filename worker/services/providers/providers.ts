import { and, asc, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { assignments, memberships, patients, providers } from '../../../db/schema';
import { isValidNpi } from '../../../shared/npi';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

type ProviderInput = {
  name: string;
  credentials?: string;
  npi?: string;
  specialty?: string;
  email?: string;
  phone?: string;
  capacity: number;
  membershipId?: string;
};

type ProviderRow = typeof providers.$inferSelect;

const toProvider = (p: ProviderRow, load: number | null) => ({
  id: p.id,
  name: p.name,
  credentials: p.credentials,
  npi: p.npi,
  specialty: p.specialty,
  email: p.email,
  phone: p.phone,
  capacity: p.capacity,
  active: p.active,
  membershipId: p.membershipId,
  /** Patients currently assigned, against capacity. */
  load,
});

/** NPI check digit and uniqueness, for a new provider or an edit (`except` is the provider edited). */
export async function checkProviderNpi(tenant: TenantDb, npi: string, except?: string) {
  if (!isValidNpi(npi)) {
    throw new AppError('validation_failed', 'This NPI fails its check digit; check the 10 digits', [
      { path: 'npi', issue: 'invalid check digit' },
    ]);
  }
  const [clash] = await tenant.select(
    providers,
    and(eq(providers.npi, npi), except ? ne(providers.id, except) : undefined),
  );
  if (clash) throw new AppError('conflict', `${clash.name} already has NPI ${npi}`);
}

/** One provider with their current load. */
export async function providerView(tenant: TenantDb, id: string) {
  const provider = await tenant.get(providers, id, 'Provider');
  return toProvider(
    provider,
    await tenant.count(assignments, and(eq(assignments.providerId, id), isNull(assignments.endedAt))),
  );
}

/**
 * A facility administrator sees only the providers of their facilities'
 * patients, with name, credentials and specialty: no email, phone, capacity
 * or load (those count other facilities' patients).
 */
async function providersOfVisiblePatients(tenant: TenantDb) {
  const visiblePatients = tenant.selectFields(
    { id: patients.id },
    patients,
    tenant.facilityFilter(patients.facilityId),
  );
  const rows = await tenant
    .select(
      providers,
      inArray(
        providers.id,
        tenant.selectFields(
          { id: assignments.providerId },
          assignments,
          and(isNull(assignments.endedAt), inArray(assignments.patientId, visiblePatients)),
        ),
      ),
    )
    .orderBy(asc(providers.name));
  return rows.map((p) => ({
    ...toProvider(p, null),
    email: null,
    phone: null,
    capacity: null,
    membershipId: null,
  }));
}

/** Providers with their current load, in one grouped read. */
export async function listProviders(tenant: TenantDb) {
  if (tenant.facilities.kind === 'attached') return providersOfVisiblePatients(tenant);
  const rows = await tenant.select(providers).orderBy(asc(providers.name));
  const loads = await tenant
    .selectFields(
      { providerId: assignments.providerId, n: count() },
      assignments,
      isNull(assignments.endedAt),
    )
    .groupBy(assignments.providerId);
  const byId = new Map(loads.map((l) => [l.providerId, l.n]));
  return rows.map((p) => toProvider(p, byId.get(p.id) ?? 0));
}

export async function createProvider(tenant: TenantDb, audit: AuditLog, input: ProviderInput) {
  if (input.npi) await checkProviderNpi(tenant, input.npi);
  if (input.membershipId) {
    const [member] = await tenant.select(
      memberships,
      and(eq(memberships.id, input.membershipId), eq(memberships.role, 'provider')),
    );
    if (!member)
      throw new AppError('validation_failed', 'That member is not a provider of this organisation', [
        { path: 'membershipId', issue: 'not a provider' },
      ]);
  }
  const id = newId('prv');
  const now = iso();
  await tenant.batch([
    tenant.insert(providers, {
      id,
      membershipId: input.membershipId ?? null,
      name: input.name,
      credentials: input.credentials ?? null,
      npi: input.npi ?? null,
      specialty: input.specialty ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      capacity: input.capacity,
      createdAt: now,
      updatedAt: now,
    }),
    audit.statement({ action: 'create', entityType: 'provider', entityId: id }),
  ]);
  return toProvider(await tenant.get(providers, id, 'Provider'), 0);
}
