import { and, desc, eq } from 'drizzle-orm';
import { appointments, leadActivities, leads } from '../../../db/schema';
import { type Appointment, CONSULTATION_TYPE, type ConsultationBooking } from '../../../shared/schemas/cases';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visibleFacility } from '../facilities/facility-access';

type AppointmentRow = typeof appointments.$inferSelect;
const toAppointment = ({ organizationId: _, ...r }: AppointmentRow): Appointment => ({
  ...r,
  status: r.status as Appointment['status'],
});

/** A lead that can still be booked: merged-away leads live on in the lead they were merged into. */
async function bookableLead(tenant: TenantDb, leadId: string) {
  const lead = await tenant.get(leads, leadId, 'Lead');
  if (lead.mergedInto)
    throw new AppError('conflict', 'This lead was merged into another; book on that lead instead');
  return lead;
}

/** The lead's appointments (consultations booked here and any a sync brought), latest first. */
export async function listConsultations(tenant: TenantDb, audit: AuditLog, leadId: string) {
  await tenant.get(leads, leadId, 'Lead');
  const rows = await tenant
    .select(appointments, eq(appointments.leadId, leadId))
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .limit(200);
  audit.record({
    action: 'list',
    entityType: 'appointment',
    detail: { leadId, appointmentIds: rows.map((r) => r.id) },
  });
  return { items: rows.map(toAppointment) };
}

/**
 * Books a consultation: an appointment of the lead (type `consultation`, the
 * patient's too once converted) at a location, its timeline entry and the
 * audit event in one batch. It has no booking-system id, so its external id
 * is its own (`sidecar:<id>`), which no sync can collide with.
 */
export async function bookConsultation(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  leadId: string,
  input: ConsultationBooking,
) {
  const lead = await bookableLead(tenant, leadId);
  const facility = await visibleFacility(tenant, input.facilityId);
  const id = newId('apt');
  const now = iso();
  const startsAt = iso(Date.parse(input.startsAt));
  const endsAt = iso(Date.parse(input.endsAt));
  await tenant.batch([
    tenant.insert(appointments, {
      id,
      externalId: `sidecar:${id}`,
      patientId: lead.patientId,
      leadId,
      caseId: null,
      facilityId: facility.id,
      startsAt,
      endsAt,
      type: CONSULTATION_TYPE,
      status: 'booked',
      invoicedCents: 0,
      createdAt: now,
      updatedAt: now,
    }),
    tenant.insert(leadActivities, {
      id: newId('lac'),
      leadId,
      kind: 'consultation_booked',
      text: input.note ?? null,
      detail: { appointmentId: id, facilityId: facility.id, facilityName: facility.name, startsAt, endsAt },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({ action: 'create', entityType: 'appointment', entityId: id, detail: { leadId } }),
  ]);
  const [row] = await tenant.select(appointments, eq(appointments.id, id)).limit(1);
  if (!row) throw notFound('Appointment');
  return toAppointment(row);
}

/** Cancels a booked consultation of the lead; the cancellation is on the timeline. */
export async function cancelConsultation(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  leadId: string,
  appointmentId: string,
) {
  await bookableLead(tenant, leadId);
  const where = and(eq(appointments.id, appointmentId), eq(appointments.leadId, leadId));
  const [current] = await tenant.select(appointments, where).limit(1);
  if (!current) throw notFound('Appointment');
  if (current.status !== 'booked')
    throw new AppError('conflict', 'Only a booked consultation can be cancelled');
  const now = iso();
  await tenant.batch([
    tenant.update(appointments, { status: 'cancelled', updatedAt: now }, where),
    tenant.insert(leadActivities, {
      id: newId('lac'),
      leadId,
      kind: 'consultation_cancelled',
      text: null,
      detail: { appointmentId, startsAt: current.startsAt },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'update',
      entityType: 'appointment',
      entityId: appointmentId,
      detail: { leadId, status: 'cancelled' },
    }),
  ]);
  return toAppointment({ ...current, status: 'cancelled', updatedAt: now });
}
