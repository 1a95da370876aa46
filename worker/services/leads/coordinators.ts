import { and, count, eq, isNull } from 'drizzle-orm';
import { leads, memberships, pipelineStages, users } from '../../../db/schema';
import { hasPermission, isRole, ROLE_LABELS } from '../../../shared/permissions';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * Who can look after leads: active members whose role edits leads, with how
 * many open leads each holds now (what round-robin balances on), so the
 * person assigning by hand sees the load too.
 */
export async function listCoordinators(tenant: TenantDb) {
  const members = await tenant.join(
    { id: memberships.id, role: memberships.role, name: users.name },
    memberships,
    [{ table: users, on: eq(users.id, memberships.userId) }],
    eq(memberships.status, 'active'),
  );
  const eligible = members.filter((m) => isRole(m.role) && hasPermission(m.role, 'leads:edit'));
  if (!eligible.length) return [];
  const open = await tenant
    .join(
      { coordinatorId: leads.coordinatorId, n: count() },
      leads,
      [{ table: pipelineStages, on: eq(pipelineStages.id, leads.stageId) }],
      and(isNull(leads.patientId), isNull(leads.mergedInto), eq(pipelineStages.outcome, 'open')),
    )
    .groupBy(leads.coordinatorId);
  const load = new Map(open.map((o) => [o.coordinatorId, o.n]));
  return eligible
    .map((m) => ({
      id: m.id,
      name: m.name,
      role: isRole(m.role) ? ROLE_LABELS[m.role] : m.role,
      openLeads: load.get(m.id) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
