import { and, desc, eq } from 'drizzle-orm';
import { appointments, cases, facilities, leads, patients } from '../../../db/schema';
import type { Appointment, AppointmentUpsertItem } from '../../../shared/schemas/cases';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import { countByFacility, syncStatements } from './booking-syncs';
import { idsByKey, refuseMissing, refuseRepeatedExternalIds, takeIncoming } from './sync-lookups';

type AppointmentRow = typeof appointments.$inferSelect;
const toAppointment = ({ organizationId: _, ...r }: AppointmentRow): Appointment => ({
  ...r,
  status: r.status as Appointment['status'],
});

export async function listAppointments(
  tenant: TenantDb,
  audit: AuditLog,
  query: { patientId?: string; caseId?: string; leadId?: string; limit: number; cursor?: string },
) {
  const rows = await tenant
    .select(
      appointments,
      and(
        query.patientId ? eq(appointments.patientId, query.patientId) : undefined,
        query.caseId ? eq(appointments.caseId, query.caseId) : undefined,
        query.leadId ? eq(appointments.leadId, query.leadId) : undefined,
        tenant.facilityFilter(appointments.facilityId),
        afterCursor(appointments.startsAt, appointments.id, decodeCursor(query.cursor)),
      ),
    )
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => r.startsAt);
  audit.record({
    action: 'list',
    entityType: 'appointment',
    detail: { count: page.items.length, appointmentIds: page.items.map((a) => a.id) },
  });
  return { items: page.items.map(toAppointment), nextCursor: page.nextCursor };
}

const APPOINTMENT_SYNCED_FIELDS = [
  'patientId',
  'caseId',
  'leadId',
  'facilityId',
  'startsAt',
  'endsAt',
  'type',
  'status',
  'invoicedCents',
  'updatedAt',
] as const;

/**
 * Appointments by the booking system's id, as `planCaseUpsert` plans cases;
 * `newCases` are cases written in the same batch (an import's), which the
 * database does not know yet.
 */
export async function planAppointmentUpsert(
  tenant: TenantDb,
  items: readonly AppointmentUpsertItem[],
  newCases: ReadonlyMap<string, string> = new Map(),
) {
  refuseRepeatedExternalIds(items);
  const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => !!v);
  const caseKeys = present(items.map((i) => i.caseExternalId)).filter((k) => !newCases.has(k));
  const [patientIds, leadIds, knownCases, facilityIds, existing] = await Promise.all([
    idsByKey(
      tenant,
      patients,
      patients.id,
      patients.id,
      present(items.map((i) => i.patientId)),
      tenant.facilityFilter(patients.facilityId),
    ),
    idsByKey(tenant, leads, leads.id, leads.id, present(items.map((i) => i.leadId))),
    idsByKey(tenant, cases, cases.externalId, cases.id, caseKeys),
    idsByKey(
      tenant,
      facilities,
      facilities.id,
      facilities.id,
      items.map((i) => i.facilityId),
      tenant.facilityFilter(facilities.id),
    ),
    idsByKey(
      tenant,
      appointments,
      appointments.externalId,
      appointments.id,
      items.map((i) => i.externalId),
    ),
  ]);
  const caseIds = new Map([...knownCases, ...newCases]);
  refuseMissing(items, 'patientId', patientIds, 'patient');
  refuseMissing(items, 'leadId', leadIds, 'lead');
  refuseMissing(items, 'caseExternalId', caseIds, 'case');
  refuseMissing(items, 'facilityId', facilityIds, 'facility');
  const now = iso();
  const rows = items.map((item) => ({
    id: existing.get(item.externalId) ?? newId('apt'),
    externalId: item.externalId,
    patientId: item.patientId ?? null,
    leadId: item.leadId ?? null,
    caseId: item.caseExternalId ? (caseIds.get(item.caseExternalId) ?? null) : null,
    facilityId: item.facilityId,
    // Stored in UTC so every comparison with "now" is a text comparison.
    startsAt: iso(Date.parse(item.startsAt)),
    endsAt: iso(Date.parse(item.endsAt)),
    type: item.type,
    status: item.status,
    invoicedCents: item.invoicedCents ?? 0,
    createdAt: now,
    updatedAt: now,
  }));
  const inserted = rows.filter((r) => !existing.has(r.externalId)).length;
  return {
    statements: tenant.insertMany(appointments, rows).map((s) =>
      s.onConflictDoUpdate({
        target: [appointments.organizationId, appointments.externalId],
        set: takeIncoming(APPOINTMENT_SYNCED_FIELDS),
      }),
    ),
    counts: { inserted, updated: rows.length - inserted },
    ids: rows.map((r) => r.id),
  };
}

/** Appointments through the API: rows, sync times and the audit event in one batch. */
export async function upsertAppointments(
  tenant: TenantDb,
  audit: AuditLog,
  items: readonly AppointmentUpsertItem[],
) {
  const plan = await planAppointmentUpsert(tenant, items);
  await tenant.batch([
    ...plan.statements,
    ...syncStatements(tenant, 'api', countByFacility(items, 'appointments')),
    audit.statement({
      action: 'update',
      entityType: 'appointment',
      detail: { via: 'api', ...plan.counts, appointmentIds: plan.ids },
    }),
  ]);
  return plan.counts;
}
