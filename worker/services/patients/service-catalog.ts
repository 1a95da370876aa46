import { and, asc, eq, inArray } from 'drizzle-orm';
import { facilities, patientServices, patients, services } from '../../../db/schema';
import type { ServiceCategory } from '../../../shared/facility-terms';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { assertAllServicesOffered, assertServicesOffered } from './service-offer';

/** A starting catalogue in the four categories of spec 000, step 4; administrators edit it. */
export const DEFAULT_CATALOGUE: Record<ServiceCategory, [name: string, description: string][]> = {
  medical: [
    ['Primary care visits', 'Routine visits by a physician or nurse practitioner'],
    ['Chronic care management', 'Ongoing care plans for long-term conditions'],
    ['Wound care', 'Assessment and treatment of wounds and pressure injuries'],
  ],
  pharmacy: [
    ['Medication dispensing', 'Cycle fills and new prescriptions'],
    ['Medication therapy review', 'Pharmacist review of every medication'],
    ['Emergency delivery', 'Same-day delivery of urgent medication'],
  ],
  specialty: [
    ['Behavioral health', 'Psychiatry and counselling'],
    ['Podiatry', 'Foot care'],
    ['Dental care', 'Dental exams and treatment on site'],
  ],
  support: [
    ['Care coordination', 'A coordinator who arranges care across providers'],
    ['Telehealth', 'Video visits with the care team'],
    ['Expert support line', 'Clinical questions answered around the clock'],
  ],
};

type ServiceRow = typeof services.$inferSelect;
const toService = (s: ServiceRow) => ({
  id: s.id,
  category: s.category as ServiceCategory,
  name: s.name,
  description: s.description,
  active: s.active,
});

/** The catalogue, created from the default the first time an organisation asks for it. */
export async function listServices(tenant: TenantDb) {
  let rows = await tenant
    .select(services)
    .orderBy(asc(services.category), asc(services.sortOrder), asc(services.name));
  if (rows.length === 0) {
    const now = iso();
    const defaults = Object.entries(DEFAULT_CATALOGUE).flatMap(([category, items]) =>
      items.map(([name, description], i) => ({
        id: newId('svc'),
        category,
        name,
        description,
        sortOrder: i,
        createdAt: now,
      })),
    );
    await tenant.batch(tenant.insertMany(services, defaults).map((s) => s.onConflictDoNothing()));
    rows = await tenant
      .select(services)
      .orderBy(asc(services.category), asc(services.sortOrder), asc(services.name));
  }
  return rows.map(toService);
}

export async function createService(
  tenant: TenantDb,
  audit: AuditLog,
  input: { category: ServiceCategory; name: string; description?: string },
) {
  await listServices(tenant);
  const [clash] = await tenant.select(
    services,
    and(eq(services.category, input.category), eq(services.name, input.name)),
  );
  if (clash) throw new AppError('conflict', `"${input.name}" is already in the ${input.category} services`);
  const id = newId('svc');
  await tenant.batch([
    tenant.insert(services, {
      id,
      category: input.category,
      name: input.name,
      description: input.description ?? null,
      sortOrder: 100,
      createdAt: iso(),
    }),
    audit.statement({ action: 'create', entityType: 'service', entityId: id }),
  ]);
  return toService(await tenant.get(services, id, 'Service'));
}

export async function updateService(
  tenant: TenantDb,
  audit: AuditLog,
  id: string,
  input: { name?: string; description?: string | null; active?: boolean },
) {
  const current = await tenant.get(services, id, 'Service');
  if (input.name && input.name !== current.name) {
    const [clash] = await tenant.select(
      services,
      and(eq(services.category, current.category), eq(services.name, input.name)),
    );
    if (clash)
      throw new AppError('conflict', `"${input.name}" is already in the ${current.category} services`);
  }
  await tenant.batch([
    tenant.update(services, input, eq(services.id, id)),
    audit.statement({
      action: 'update',
      entityType: 'service',
      entityId: id,
      detail: { changed: Object.keys(input) },
    }),
  ]);
  return toService(await tenant.get(services, id, 'Service'));
}

/**
 * Replaces the selected services of one or many patients of visible
 * facilities. Only services in each patient's facility's categories can be
 * chosen. "All healthcare services" is stored as such (the full package:
 * expert support and AI features), not as today's list, so it covers every
 * current and future active service in the facility's categories.
 */
export async function selectServices(
  tenant: TenantDb,
  audit: AuditLog,
  _auth: AuthContext,
  patientIds: string[],
  input: { allHealthcareServices?: boolean; serviceIds?: string[] },
) {
  const catalogue = (await listServices(tenant)).filter((s) => s.active);
  const fullPackage = !!input.allHealthcareServices;
  const wanted = fullPackage ? [] : [...new Set(input.serviceIds ?? [])];
  const unknown = wanted.filter((id) => !catalogue.some((s) => s.id === id));
  if (unknown.length)
    throw new AppError(
      'validation_failed',
      'Some services are not in the catalogue',
      unknown.map((id) => ({ path: 'serviceIds', issue: `unknown service ${id}` })),
    );

  const ids = [...new Set(patientIds)];
  const found: (typeof patients.$inferSelect)[] = [];
  for (const part of inListChunks(ids)) {
    found.push(
      ...(await tenant.select(
        patients,
        and(inArray(patients.id, part), tenant.facilityFilter(patients.facilityId)),
      )),
    );
  }
  if (found.length !== ids.length)
    throw new AppError('not_found', `${ids.length - found.length} of the patients were not found`);

  const facilityIds = [...new Set(found.map((p) => p.facilityId))];
  const homes = await tenant.select(facilities, inArray(facilities.id, facilityIds));
  const chosen = catalogue.filter((s) => wanted.includes(s.id));
  for (const home of homes) {
    if (fullPackage) assertAllServicesOffered(home);
    else assertServicesOffered(home, chosen);
  }

  const now = iso();
  const statements = [];
  for (const part of inListChunks(ids)) {
    statements.push(tenant.delete(patientServices, inArray(patientServices.patientId, part)));
    statements.push(tenant.update(patients, { fullPackage, updatedAt: now }, inArray(patients.id, part)));
  }
  const links = ids.flatMap((patientId) =>
    wanted.map((serviceId) => ({ patientId, serviceId, createdAt: now })),
  );
  statements.push(...tenant.insertMany(patientServices, links));
  await tenant.batch([
    ...statements,
    // One event per patient, so "who changed this patient's services" is answerable from the trail.
    ...ids.map((patientId) =>
      audit.statement({
        action: 'update',
        entityType: 'patient_services',
        entityId: patientId,
        detail: { services: fullPackage ? 'all' : wanted.length, fullPackage },
      }),
    ),
  ]);
  const offered = new Set(homes.flatMap((h) => h.serviceCategories));
  const serviceIds = fullPackage ? catalogue.filter((s) => offered.has(s.category)).map((s) => s.id) : wanted;
  return { patients: ids.length, serviceIds, fullPackage };
}
