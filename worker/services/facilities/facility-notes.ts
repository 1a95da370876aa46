import { and, desc, eq } from 'drizzle-orm';
import { facilityNotes } from '../../../db/schema';
import type { FacilityNote } from '../../../shared/schemas/facility-notes';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { memberNames } from '../members/member-names';
import { visibleFacility } from './facility-access';

type NoteRow = typeof facilityNotes.$inferSelect;

const toNote = (row: NoteRow, names: Map<string, string>): FacilityNote => ({
  id: row.id,
  facilityId: row.facilityId,
  text: row.text,
  author: { userId: row.createdBy, name: names.get(row.createdBy) ?? null },
  createdAt: row.createdAt,
});

/**
 * A facility's notes, newest first, a page at a time. Notes are free text that
 * may name residents, so reading them is audited like reading a record.
 */
export async function listFacilityNotes(
  tenant: TenantDb,
  audit: AuditLog,
  facilityId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  await visibleFacility(tenant, facilityId);
  const rows = await tenant
    .select(
      facilityNotes,
      and(
        eq(facilityNotes.facilityId, facilityId),
        afterCursor(facilityNotes.createdAt, facilityNotes.id, decodeCursor(query.cursor)),
      ),
    )
    .orderBy(desc(facilityNotes.createdAt), desc(facilityNotes.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit);
  const names = await memberNames(
    tenant,
    page.items.map((r) => r.createdBy),
  );
  audit.record({
    action: 'read',
    entityType: 'facility_notes',
    entityId: facilityId,
    detail: { count: page.items.length },
  });
  return { items: page.items.map((r) => toNote(r, names)), nextCursor: page.nextCursor };
}

/** Adds a note to a facility the caller may see; the note and its audit event land together. */
export async function addFacilityNote(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  facilityId: string,
  input: { text: string },
): Promise<FacilityNote> {
  await visibleFacility(tenant, facilityId);
  const row: NoteRow = {
    id: newId('fnote'),
    organizationId: tenant.organizationId,
    facilityId,
    text: input.text,
    createdBy: userId,
    createdAt: iso(),
  };
  const { organizationId: _owned, ...values } = row;
  await tenant.batch([
    tenant.insert(facilityNotes, values),
    audit.statement({
      action: 'create',
      entityType: 'facility_note',
      entityId: row.id,
      detail: { facilityId },
    }),
  ]);
  return toNote(row, await memberNames(tenant, [userId]));
}
