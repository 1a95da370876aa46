import { and, eq } from 'drizzle-orm';
import { memberships, users } from '../../../db/schema';
import type { TenantDb } from '../../lib/tenant-db';

/**
 * Whose a lead's follow-up reminders are: the assigned coordinator; else,
 * for a lead nobody was assigned, the member who created it; else (a website
 * lead has no creator) every active treatment coordinator of the organisation.
 */
export type ReminderBasis = 'coordinator' | 'creator' | 'lead_coordinators' | 'nobody';

type Lead = { coordinatorId: string | null; createdBy: string };
type Person = { membershipId: string; name: string; email: string };

const active = eq(memberships.status, 'active');
const person = { membershipId: memberships.id, name: users.name, email: users.email };
const withUser = [{ table: users, on: eq(users.id, memberships.userId) }];

export async function followUpRecipients(
  tenant: TenantDb,
  lead: Lead,
): Promise<{ basis: ReminderBasis; people: Person[] }> {
  if (lead.coordinatorId) {
    const found = await tenant.join(
      person,
      memberships,
      withUser,
      and(eq(memberships.id, lead.coordinatorId), active),
    );
    if (found.length) return { basis: 'coordinator', people: found };
  }
  const creator = await tenant.join(
    person,
    memberships,
    withUser,
    and(eq(memberships.userId, lead.createdBy), active),
  );
  if (creator.length) return { basis: 'creator', people: creator };
  const coordinators = await tenant.join(
    person,
    memberships,
    withUser,
    and(eq(memberships.role, 'treatment_coordinator'), active),
  );
  return coordinators.length
    ? { basis: 'lead_coordinators', people: coordinators.sort((a, b) => a.name.localeCompare(b.name)) }
    : { basis: 'nobody', people: [] };
}
