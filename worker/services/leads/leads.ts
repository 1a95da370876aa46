import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { leadActivities, leadSources, leads, memberships } from '../../../db/schema';
import { guardianProblem } from '../../../shared/guardian';
import { nameKey } from '../../../shared/roster/names';
import type { DuplicateMatch, leadCreateSchema, leadMatchSchema } from '../../../shared/schemas/leads';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { sentLettersOfLead } from '../referral-letters/lead-letters';
import { searchLeads, searchRanges } from './lead-search';
import { phoneKey } from './phone-key';
import { listStages } from './pipeline';

type LeadRow = typeof leads.$inferSelect;

export function toLead(r: LeadRow) {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    phone: r.phone,
    dateOfBirth: r.dateOfBirth,
    responsibleParty: r.responsibleParty ?? null,
    sourceId: r.sourceId,
    stageId: r.stageId,
    stageEnteredAt: r.stageEnteredAt,
    coordinatorId: r.coordinatorId,
    notes: r.notes,
    capture: r.capture ?? null,
    patientId: r.patientId,
    mergedInto: r.mergedInto,
    createdAt: r.createdAt,
  };
}

/**
 * Likely the same person (spec: normalised email, phone, or name plus date of
 * birth; and a parent's address, which families use for each child), each
 * with the fields that matched and why, for the person to open, merge or ignore.
 */
export async function findLeadMatches(
  tenant: TenantDb,
  input: z.infer<typeof leadMatchSchema>,
  exceptId?: string,
) {
  const conditions: SQL[] = [];
  const email = input.email;
  const guardianEmail = input.responsiblePartyEmail;
  const emails = [email, guardianEmail].filter((e): e is string => !!e);
  if (emails.length) {
    conditions.push(inArray(leads.email, emails), inArray(leads.responsiblePartyEmail, emails));
  }
  const phone = phoneKey(input.phone);
  if (phone) conditions.push(eq(leads.phoneKey, phone));
  const key = input.firstName && input.lastName ? nameKey(input.firstName, input.lastName) : null;
  if (key && input.dateOfBirth)
    conditions.push(and(eq(leads.nameKey, key), eq(leads.dateOfBirth, input.dateOfBirth)) as SQL);
  if (!conditions.length) return [];
  const rows = await tenant.select(leads, and(or(...conditions), isNull(leads.mergedInto))).limit(20);
  return rows
    .filter((r) => r.id !== exceptId)
    .map((r) => {
      const matched: DuplicateMatch['matched'] = [];
      if (email && r.email === email) matched.push({ field: 'email', reason: 'same email' });
      if (email && r.responsiblePartyEmail === email)
        matched.push({ field: 'email', reason: "email is this lead's responsible party's email" });
      if (guardianEmail && r.email === guardianEmail)
        matched.push({
          field: 'responsibleParty.email',
          reason: "responsible party's email is this lead's email",
        });
      if (guardianEmail && r.responsiblePartyEmail === guardianEmail)
        matched.push({ field: 'responsibleParty.email', reason: 'same responsible party email' });
      if (phone && r.phoneKey === phone) matched.push({ field: 'phone', reason: 'same phone' });
      if (key && input.dateOfBirth && r.nameKey === key && r.dateOfBirth === input.dateOfBirth)
        matched.push({ field: 'name and dateOfBirth', reason: 'same name and date of birth' });
      return {
        id: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        reasons: matched.map((m) => m.reason),
        matched,
      };
    });
}

/** Refuses a minor without a responsible party, and a responsible party who is the person themself. */
export function assertResponsibleParty(
  person: { firstName: string; lastName: string; dateOfBirth?: string | null },
  party: { name: string; relationship: string } | null | undefined,
) {
  const problem = guardianProblem(person, party, iso().slice(0, 10));
  if (problem)
    throw new AppError('validation_failed', problem.message, [
      { path: problem.path, issue: problem.message },
    ]);
}

async function assertCoordinator(tenant: TenantDb, id: string) {
  const [m] = await tenant.select(memberships, and(eq(memberships.id, id), eq(memberships.status, 'active')));
  if (!m)
    throw new AppError('validation_failed', 'That coordinator is not an active member', [
      { path: 'coordinatorId', issue: 'unknown member' },
    ]);
}

/**
 * A new lead's statements (the lead, its first timeline entry, the audit
 * event) for the caller's batch, with its likely duplicates. `auth` is the
 * signed-in member, or for the public web form a stand-in with no permissions.
 */
export async function planLead(
  tenant: TenantDb,
  audit: AuditLog,
  auth: Pick<AuthContext, 'userId' | 'permissions'>,
  input: z.infer<typeof leadCreateSchema>,
) {
  assertResponsibleParty(input, input.responsibleParty);
  const stages = await listStages(tenant);
  const stageId = input.stageId ?? stages[0]!.id;
  if (!stages.some((s) => s.id === stageId))
    throw new AppError('validation_failed', 'Unknown pipeline stage', [
      { path: 'stageId', issue: 'unknown stage' },
    ]);
  if (input.sourceId) {
    const [source] = await tenant.select(leadSources, eq(leadSources.id, input.sourceId));
    if (!source)
      throw new AppError('validation_failed', 'Unknown lead source', [
        { path: 'sourceId', issue: 'unknown source' },
      ]);
  }
  if (input.coordinatorId) {
    if (!auth.permissions.includes('lead:assign'))
      throw new AppError('forbidden', 'Your role cannot assign leads to coordinators');
    await assertCoordinator(tenant, input.coordinatorId);
  }
  const duplicates = await findLeadMatches(tenant, {
    ...input,
    responsiblePartyEmail: input.responsibleParty?.email,
  });
  const id = newId('led');
  const now = iso();
  const statements = [
    tenant.insert(leads, {
      id,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      phoneKey: phoneKey(input.phone),
      nameKey: nameKey(input.firstName, input.lastName),
      dateOfBirth: input.dateOfBirth ?? null,
      responsibleParty: input.responsibleParty ?? null,
      sourceId: input.sourceId ?? null,
      stageId,
      stageEnteredAt: now,
      coordinatorId: input.coordinatorId ?? null,
      notes: input.notes ?? null,
      capture: input.capture ? { ...input.capture, capturedAt: input.capture.capturedAt ?? now } : null,
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    }),
    tenant.insert(leadActivities, {
      id: newId('lac'),
      leadId: id,
      kind: 'created',
      text: null,
      detail: { channel: input.capture?.channel ?? null },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'create',
      entityType: 'lead',
      entityId: id,
      detail: { duplicates: duplicates.length },
    }),
  ] as const;
  return { id, statements, duplicates };
}

/** Creates a lead (always; likely duplicates come back with it to open, merge or ignore). */
export async function createLead(
  tenant: TenantDb,
  audit: AuditLog,
  auth: Pick<AuthContext, 'userId' | 'permissions'>,
  input: z.infer<typeof leadCreateSchema>,
) {
  const { id, statements, duplicates } = await planLead(tenant, audit, auth, input);
  await tenant.batch(statements);
  return { lead: toLead(await tenant.get(leads, id, 'Lead')), likelyDuplicates: duplicates };
}

export async function getLead(tenant: TenantDb, audit: AuditLog, id: string) {
  const row = await tenant.get(leads, id, 'Lead');
  audit.record({ action: 'read', entityType: 'lead', entityId: id });
  return toLead(row);
}

export async function listLeads(
  tenant: TenantDb,
  audit: AuditLog,
  query: { q?: string; stageId?: string; coordinatorId?: string; limit: number; cursor?: string },
) {
  const where = and(
    isNull(leads.mergedInto),
    query.stageId ? eq(leads.stageId, query.stageId) : undefined,
    query.coordinatorId ? eq(leads.coordinatorId, query.coordinatorId) : undefined,
    afterCursor(leads.createdAt, leads.id, decodeCursor(query.cursor)),
  );
  const words = searchRanges(query.q);
  const rows = await (words.length
    ? searchLeads(tenant, words, where)
    : tenant.select(leads, where).orderBy(desc(leads.createdAt), desc(leads.id))
  ).limit(query.limit + 1);
  const page = pageFrom(rows, query.limit);
  audit.record({
    action: 'list',
    entityType: 'lead',
    // Whether it was a search, not the words: they are often a person's name.
    detail: { count: page.items.length, leadIds: page.items.map((l) => l.id), search: !!query.q },
  });
  return { items: page.items.map(toLead), nextCursor: page.nextCursor };
}

/**
 * The lead's timeline, newest first: its own activities and the letters sent
 * to referrers about it (which the patient's page shows too, through the lead
 * it was converted from).
 */
export async function timeline(tenant: TenantDb, audit: AuditLog, id: string) {
  await tenant.get(leads, id, 'Lead');
  const [rows, letters] = await Promise.all([
    tenant.select(leadActivities, eq(leadActivities.leadId, id)).orderBy(desc(leadActivities.createdAt)),
    sentLettersOfLead(tenant, id),
  ]);
  audit.record({
    action: 'read',
    entityType: 'lead_timeline',
    entityId: id,
    detail: letters.length ? { letterIds: letters.map((l) => l.id) } : undefined,
  });
  const activities = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    detail: r.detail ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  }));
  return [...activities, ...letters].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
