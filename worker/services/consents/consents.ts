import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { leadActivities, leads, memberships, patientConsents, users } from '../../../db/schema';
import type { ConsentKind, SignerRelationship } from '../../../shared/consents';
import { CONSENT_KIND_LABELS } from '../../../shared/consents';
import type { Consent, consentListQuerySchema } from '../../../shared/schemas/consents';
import { AppError, notFound } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { newId } from '../../lib/crypto';
import { afterCursor, decodeCursor, pageFrom } from '../../lib/cursor';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { visiblePatient } from '../patients/patient-access';

type ConsentRow = typeof patientConsents.$inferSelect;

/**
 * Whose consents a list shows: a lead's, or a patient's (those given as a
 * lead carry the patient from conversion on). A hidden or another
 * organisation's record is a 404.
 */
async function subjectFilter(
  tenant: TenantDb,
  query: { patientId?: string | undefined; leadId?: string | undefined },
): Promise<{ where: SQL; detail: Record<string, string> }> {
  if (query.leadId) {
    await tenant.get(leads, query.leadId, 'Lead');
    return { where: eq(patientConsents.leadId, query.leadId), detail: { leadId: query.leadId } };
  }
  const patient = await visiblePatient(tenant, query.patientId!);
  return { where: eq(patientConsents.patientId, patient.id), detail: { patientId: patient.id } };
}

function rows(tenant: TenantDb, where: SQL) {
  return tenant.join(
    { consent: patientConsents, revokerName: sql<string | null>`${users.name}` },
    patientConsents,
    [
      { table: memberships, on: eq(memberships.userId, patientConsents.revokedBy), left: true },
      { table: users, on: eq(users.id, memberships.userId), left: true },
    ],
    where,
  );
}

function toConsent({
  consent: c,
  revokerName,
}: {
  consent: ConsentRow;
  revokerName: string | null;
}): Consent {
  return {
    id: c.id,
    kind: c.kind as ConsentKind,
    title: c.title,
    text: { formName: c.formName, versionId: c.versionId, version: c.version, sha256: c.textSha256 },
    signedBy: {
      name: c.signerName,
      relationship: c.signerRelationship as SignerRelationship,
      stated: c.signerStated,
    },
    subject: { leadId: c.leadId, patientId: c.patientId },
    signedAt: c.signedAt,
    submissionId: c.submissionId,
    revoked:
      c.revokedAt && c.revokedBy
        ? { at: c.revokedAt, byUserId: c.revokedBy, byName: revokerName, reason: c.revokeReason ?? '' }
        : null,
  };
}

/** The consents given for a patient or a lead, newest first, revoked ones with their revocation. */
export async function listConsents(
  tenant: TenantDb,
  audit: AuditLog,
  query: z.infer<typeof consentListQuerySchema>,
) {
  const subject = await subjectFilter(tenant, query);
  const found = await rows(
    tenant,
    and(
      subject.where,
      afterCursor(patientConsents.signedAt, patientConsents.id, decodeCursor(query.cursor)),
    ) as SQL,
  )
    .orderBy(desc(patientConsents.signedAt), desc(patientConsents.id))
    .limit(query.limit + 1);
  const page = pageFrom(
    found.map((r) => ({ ...r, id: r.consent.id })),
    query.limit,
    (r) => r.consent.signedAt,
  );
  const items = page.items.map(toConsent);
  audit.record({
    action: 'list',
    entityType: 'consent',
    detail: { ...subject.detail, count: items.length, consentIds: items.map((c) => c.id) },
  });
  return { items, nextCursor: page.nextCursor };
}

async function consentById(tenant: TenantDb, id: string) {
  const [row] = await rows(tenant, eq(patientConsents.id, id)).limit(1);
  if (!row) throw notFound('Consent');
  return row;
}

/**
 * A patient's consent is reached through the patient, so a facility
 * administrator's hidden patient answers 404 here as everywhere.
 */
async function visibleConsent(tenant: TenantDb, id: string) {
  const row = await consentById(tenant, id);
  if (row.consent.patientId) await visiblePatient(tenant, row.consent.patientId);
  return row;
}

/**
 * Revokes a consent, with the reason: the row keeps it (a revoked consent
 * stays listed), the lead's timeline says so when the consent was given as a
 * lead, and the audit event lands in the same batch. A second revocation is a
 * 409 that names the first; the update only takes an unrevoked row, so two at
 * once cannot overwrite the first one's record.
 */
export async function revokeConsent(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  id: string,
  reason: string,
): Promise<Consent> {
  const { consent } = await visibleConsent(tenant, id);
  if (consent.revokedAt)
    throw new AppError(
      'conflict',
      `This consent was already revoked on ${consent.revokedAt.slice(0, 10)}; it stays listed as revoked`,
    );
  const now = iso();
  const title = consent.kind === 'other' ? consent.title : CONSENT_KIND_LABELS[consent.kind as ConsentKind];
  await tenant.batch([
    tenant.update(
      patientConsents,
      { revokedAt: now, revokedBy: auth.userId, revokeReason: reason },
      and(eq(patientConsents.id, id), isNull(patientConsents.revokedAt)),
    ),
    ...(consent.leadId
      ? [
          tenant.insert(leadActivities, {
            id: newId('lac'),
            leadId: consent.leadId,
            kind: 'consent_revoked',
            text: reason,
            detail: { consentId: id, kind: consent.kind, title },
            createdBy: auth.userId,
            createdAt: now,
          }),
        ]
      : []),
    audit.statement({
      action: 'update',
      entityType: 'consent',
      entityId: id,
      detail: { revoked: true, kind: consent.kind, leadId: consent.leadId, patientId: consent.patientId },
    }),
  ]);
  return toConsent(await consentById(tenant, id));
}
