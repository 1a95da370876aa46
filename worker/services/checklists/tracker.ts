import { and, eq, inArray } from 'drizzle-orm';
import { patientChecklistItems, patients } from '../../../db/schema';
import { deriveEnrollment, ENROLLMENT_ORDER, type EnrollmentStatus } from '../../../shared/enrollment';
import type { AuditLog } from '../../lib/audit-log';
import { inListChunks } from '../../lib/d1-limits';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { visibleFacility } from '../facilities/facility-access';
import { effectiveTemplate, templateItems } from './templates';

/** A facility's grid is read whole; facilities hold hundreds of residents, not tens of thousands. */
const MAX_ROWS = 2000;

type Query = {
  facilityId: string;
  status?: EnrollmentStatus;
  missing?: string;
  q?: string;
  sort: 'name' | 'status' | 'progress' | 'updated';
};

/**
 * The patient tracker of one facility (spec 000, step 5): status, visit
 * preference, meeting status, checklist progress, what is missing and when
 * anything last changed; plus the worklist of items blocking the most patients.
 * Patients whose checklist was never opened count against the current template.
 */
export async function trackerGrid(tenant: TenantDb, audit: AuditLog, _auth: AuthContext, query: Query) {
  await visibleFacility(tenant, query.facilityId);
  const rows = await tenant.select(patients, eq(patients.facilityId, query.facilityId)).limit(MAX_ROWS);
  const items: (typeof patientChecklistItems.$inferSelect)[] = [];
  for (const part of inListChunks(rows)) {
    const ids = part.map((r) => r.id);
    items.push(
      ...(await tenant.select(patientChecklistItems, and(inArray(patientChecklistItems.patientId, ids)))),
    );
  }
  const template = await templateItems(tenant, (await effectiveTemplate(tenant, query.facilityId)).id);
  const byPatient = new Map<string, typeof items>();
  for (const item of items) byPatient.set(item.patientId, [...(byPatient.get(item.patientId) ?? []), item]);

  const all = rows.map((p) => {
    const own = byPatient.get(p.id);
    const checklist = own
      ? own
          .filter((i) => !i.removedAt)
          .map((i) => ({ title: i.title, required: i.required, done: !!i.doneAt, updatedAt: i.updatedAt }))
      : template.map((t) => ({ title: t.title, required: t.required, done: false, updatedAt: p.updatedAt }));
    const enrollment = deriveEnrollment(checklist, p);
    return {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      nameKey: p.nameKey,
      enrollmentStatus: p.enrollmentStatus as EnrollmentStatus,
      overridden: !!p.statusOverride,
      visitPreference: p.visitPreference,
      meetingStatus: p.meetingStatus,
      progress: enrollment.progress,
      missing: checklist.filter((i) => i.required && !i.done).map((i) => i.title),
      lastUpdate: [p.updatedAt, ...checklist.map((i) => i.updatedAt)].sort().at(-1)!,
    };
  });

  const counts = new Map<string, number>();
  for (const p of all)
    if (p.enrollmentStatus !== 'completed')
      for (const t of p.missing) counts.set(t, (counts.get(t) ?? 0) + 1);
  const worklist = [...counts.entries()]
    .map(([title, patients]) => ({ title, patients }))
    .sort((a, b) => b.patients - a.patients || a.title.localeCompare(b.title));

  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const filtered = all.filter(
    (p) =>
      (!query.status || p.enrollmentStatus === query.status) &&
      (!query.missing || p.missing.includes(query.missing)) &&
      words.every((w) => p.nameKey.includes(w.replace(/[^a-z0-9]/g, ''))),
  );
  const sorters: Record<Query['sort'], (a: (typeof all)[number], b: (typeof all)[number]) => number> = {
    name: (a, b) => a.nameKey.localeCompare(b.nameKey),
    status: (a, b) =>
      ENROLLMENT_ORDER.indexOf(a.enrollmentStatus) - ENROLLMENT_ORDER.indexOf(b.enrollmentStatus) ||
      a.nameKey.localeCompare(b.nameKey),
    progress: (a, b) => a.progress.percent - b.progress.percent || a.nameKey.localeCompare(b.nameKey),
    updated: (a, b) => b.lastUpdate.localeCompare(a.lastUpdate),
  };
  filtered.sort(sorters[query.sort]);
  audit.record({
    action: 'list',
    entityType: 'patient_tracker',
    detail: { facilityId: query.facilityId, count: filtered.length },
  });
  return {
    items: filtered.map(({ nameKey: _n, ...rest }) => rest),
    worklist,
    truncated: rows.length === MAX_ROWS,
  };
}
