import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { leadFormSettings, organizations } from '../../../db/schema';
import {
  HONEYPOT_FIELD,
  type leadFormUpdateSchema,
  publicLeadSchema,
  publicResponsibleParty,
} from '../../../shared/schemas/lead-form';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import { randomBytes, toBase64Url } from '../../lib/crypto';
import { zodDetails, zodMessage } from '../../lib/error-handler';
import { addressBucket, countHit } from '../../lib/rate-limit';
import { TenantDb } from '../../lib/tenant-db';
import { iso, MINUTE } from '../../lib/time';
import { createLead } from './leads';
import { listSources } from './pipeline';

export const PUBLIC_LEADS_PATH = '/api/v1/public/leads';
/**
 * `created_by` of leads and their timeline is a user id and never null; a lead
 * from the website has no user, so it carries this marker (not a user id)
 * rather than rebuilding the leads table to make the column nullable.
 */
export const WEB_FORM_CREATOR = 'web_form';
/** Per client address and organisation: enough for a family sending a few inquiries, not for a flood. */
export const PUBLIC_LEAD_LIMIT = { hits: 5, windowMs: 10 * MINUTE };

type Settings = typeof leadFormSettings.$inferSelect;
export type LeadFormConfig = {
  enabled: boolean;
  key: string;
  endpoint: string;
  endpointPath: string;
  allowedOrigins: string[];
};

/** 192 random bits: the address cannot be guessed or enumerated. */
const newFormKey = () => toBase64Url(randomBytes(24));

function toConfig(row: Settings, baseUrl: string): LeadFormConfig {
  const endpointPath = `${PUBLIC_LEADS_PATH}/${row.formKey}`;
  return {
    enabled: row.enabled,
    key: row.formKey,
    endpoint: `${baseUrl}${endpointPath}`,
    endpointPath,
    allowedOrigins: row.allowedOrigins,
  };
}

/** The organisation's form settings, created turned off (with a key, no websites) the first time. */
async function settingsRow(tenant: TenantDb): Promise<Settings> {
  const read = () => tenant.select(leadFormSettings);
  let [row] = await read();
  if (!row) {
    // Two first reads at once: the primary key keeps one row and both answer it.
    await tenant
      .insert(leadFormSettings, {
        formKey: newFormKey(),
        enabled: false,
        allowedOrigins: [],
        updatedBy: null,
        updatedAt: iso(),
      })
      .onConflictDoNothing();
    [row] = await read();
  }
  return row!;
}

export async function leadFormConfig(tenant: TenantDb, baseUrl: string) {
  return toConfig(await settingsRow(tenant), baseUrl);
}

export async function updateLeadForm(
  tenant: TenantDb,
  audit: AuditLog,
  userId: string,
  change: z.infer<typeof leadFormUpdateSchema>,
  baseUrl: string,
) {
  await settingsRow(tenant);
  await tenant.batch([
    tenant.update(leadFormSettings, { ...change, updatedBy: userId, updatedAt: iso() }),
    audit.statement({
      action: 'update',
      entityType: 'lead_form',
      entityId: tenant.organizationId,
      detail: {
        changed: Object.keys(change),
        ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
      },
    }),
  ]);
  return leadFormConfig(tenant, baseUrl);
}

/** A new key: the old address stops working at once (a leaked or spammed address is retired). */
export async function rotateLeadFormKey(tenant: TenantDb, audit: AuditLog, userId: string, baseUrl: string) {
  await settingsRow(tenant);
  await tenant.batch([
    tenant.update(leadFormSettings, { formKey: newFormKey(), updatedBy: userId, updatedAt: iso() }),
    // The key itself stays out of the trail: the trail is read by more people than the settings.
    audit.statement({
      action: 'update',
      entityType: 'lead_form',
      entityId: tenant.organizationId,
      detail: { changed: ['key'] },
    }),
  ]);
  return leadFormConfig(tenant, baseUrl);
}

export type OpenLeadForm = { organizationId: string; organizationName: string; allowedOrigins: string[] };

/**
 * The organisation behind an enabled form key. Unknown, malformed and disabled
 * keys all answer null, from the same single query, so the caller answers them
 * with the same 404.
 */
export async function findOpenLeadForm(db: Db, key: string): Promise<OpenLeadForm | null> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(key)) return null;
  const [row] = await db
    .select({
      organizationId: leadFormSettings.organizationId,
      organizationName: organizations.name,
      allowedOrigins: leadFormSettings.allowedOrigins,
    })
    .from(leadFormSettings)
    .innerJoin(organizations, eq(organizations.id, leadFormSettings.organizationId))
    .where(and(eq(leadFormSettings.formKey, key), eq(leadFormSettings.enabled, true)))
    .limit(1);
  return row ?? null;
}

/** Browsers send the origin exactly as it is stored (lower case, default port dropped). */
export const isAllowedOrigin = (form: OpenLeadForm, origin: string) => form.allowedOrigins.includes(origin);

function httpUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Where a plain form returns to: only a page on one of the allowed websites (no open redirect). */
function redirectFor(form: OpenLeadForm, value: unknown): string | null {
  const url = httpUrl(value);
  return url && form.allowedOrigins.includes(url.origin) ? url.href : null;
}

/**
 * The page the inquiry came from, for the lead's provenance: the Referer
 * without query or fragment (those can carry the visitor's own details), when
 * it agrees with the Origin; else the Origin.
 */
function pageAddress(origin: string | null, referer: string | null): string | undefined {
  const ref = httpUrl(referer);
  if (ref && (!origin || ref.origin === origin)) return `${ref.origin}${ref.pathname}`;
  return origin ?? undefined;
}

/**
 * One inquiry from the practice website. In order: the per-address limit
 * (every post counts, so bots cannot probe the validation for free), the
 * honeypot (answered like a success, nothing created), validation, then the
 * lead through the same createLead as the side panel, with the organisation's
 * "Web form" source and channel `web_form`. Answers where a plain form goes next.
 */
export async function submitWebFormLead(
  db: Db,
  audit: AuditLog,
  form: OpenLeadForm,
  request: {
    ip: string | null;
    origin: string | null;
    referer: string | null;
    body: Record<string, unknown>;
  },
): Promise<{ redirect: string | null }> {
  // No one is signed in: the events of this request belong to the organisation, with no actor.
  audit.actor = { organizationId: form.organizationId, userId: null };
  await countHit(
    db,
    `public-lead:${form.organizationId}:${addressBucket(request.ip)}`,
    PUBLIC_LEAD_LIMIT.hits,
    PUBLIC_LEAD_LIMIT.windowMs,
    'Too many inquiries from this address. Please try again later, or call the practice.',
  );
  const redirect = redirectFor(form, request.body.redirect);

  const trap = request.body[HONEYPOT_FIELD];
  if (trap !== undefined && trap !== null && String(trap).trim() !== '') {
    // Only that the trap caught something: nothing the bot sent is kept.
    audit.record({ action: 'create', entityType: 'lead', outcome: 'denied', detail: { reason: 'honeypot' } });
    return { redirect };
  }

  const parsed = publicLeadSchema.safeParse(request.body);
  if (!parsed.success)
    throw new AppError('validation_failed', zodMessage(parsed.error), zodDetails(parsed.error));
  const input = parsed.data;

  const tenant = new TenantDb(db, form.organizationId);
  const sources = (await listSources(tenant)).filter((s) => s.channel === 'web_form');
  const source = sources.find((s) => s.active) ?? sources[0];
  const url = pageAddress(request.origin, request.referer);
  await createLead(
    tenant,
    audit,
    { userId: WEB_FORM_CREATOR, permissions: [] },
    {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phone: input.phone,
      dateOfBirth: input.dateOfBirth,
      responsibleParty: publicResponsibleParty(input),
      notes: input.message,
      sourceId: source?.id,
      capture: { channel: 'web_form', ...(url ? { url } : {}) },
    },
  );
  return { redirect };
}
