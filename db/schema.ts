import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Timestamps are ISO 8601 UTC strings: they sort as text, read the same in D1,
// libSQL and JSON, and need no conversion at the API edge.
const createdAt = () => text().notNull();

/** A tenant. Every tenant-owned table below carries `organizationId`. */
export const organizations = sqliteTable('organizations', {
  id: text().primaryKey(),
  name: text().notNull(),
  requireTwoFactor: integer({ mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

/** A person who signs in. Users are global; what they may do lives on memberships. */
export const users = sqliteTable('users', {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text(),
  totpSecret: text(),
  totpEnabledAt: text(),
  /** The last 30-second step a code was accepted for: a code works once (RFC 6238, section 5.2). */
  totpLastStep: integer(),
  createdAt: createdAt(),
  updatedAt: text().notNull(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    role: text().notNull(),
    status: text().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex('memberships_org_user').on(t.organizationId, t.userId)],
);

/**
 * A signed-in session. `state` is `active`, or `two_factor` while the second
 * factor is awaited (such a session answers to nothing but the 2FA routes).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    tokenHash: text().notNull().unique(),
    userId: text()
      .notNull()
      .references(() => users.id),
    membershipId: text()
      .notNull()
      .references(() => memberships.id),
    state: text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: text().notNull(),
    expiresAt: text().notNull(),
    revokedAt: text(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_membership').on(t.membershipId)],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    email: text().notNull(),
    role: text().notNull(),
    tokenHash: text().notNull().unique(),
    invitedBy: text().references(() => users.id),
    createdAt: createdAt(),
    sentAt: text().notNull(),
    expiresAt: text().notNull(),
    acceptedAt: text(),
    revokedAt: text(),
    /** Set for a facility administrator's invitation: accepting attaches the membership to it. */
    facilityId: text(),
  },
  (t) => [index('invitations_org_email').on(t.organizationId, t.email)],
);

export const passwordResets = sqliteTable('password_resets', {
  id: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  createdAt: createdAt(),
  expiresAt: text().notNull(),
  usedAt: text(),
});

export const backupCodes = sqliteTable(
  'backup_codes',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull(),
    usedAt: text(),
    createdAt: createdAt(),
  },
  (t) => [index('backup_codes_user').on(t.userId)],
);

/**
 * Failed sign-in counters, keyed `account:<email>` or `ip:<address>`; also the
 * web-form rate limit, keyed `public-lead:<organisation>:<address>`.
 */
export const loginThrottles = sqliteTable('login_throttles', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: text().notNull(),
  lockedUntil: text(),
});

/** Append-only: triggers in the migration refuse UPDATE and DELETE. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text().primaryKey(),
    // Null only for events with no tenant yet (a failed login for an unknown address).
    organizationId: text(),
    actorUserId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    outcome: text().notNull(),
    ip: text(),
    userAgent: text(),
    requestId: text(),
    // Machine-readable context (ids, field names), never names or dates of birth.
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_org_time').on(t.organizationId, t.createdAt),
    index('audit_org_entity').on(t.organizationId, t.entityType, t.entityId),
  ],
);

export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: text().primaryKey(),
    organizationId: text(),
    channel: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    status: text().notNull(),
    provider: text().notNull(),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: text(),
  },
  (t) => [index('outbox_status').on(t.status, t.createdAt)],
);

/** The first answer to a create or commit, replayed for a retry with the same key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    organizationId: text().notNull(),
    userId: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer().notNull(),
    responseBody: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.key] })],
);

export type FacilityFeatures = {
  ordering: boolean;
  emar: boolean;
  bubblePack: boolean;
  notes: boolean;
  tasks: boolean;
};
export type AddressVerification = { provider: string; verifiedAt: string; corrections: string[] };

export const facilities = sqliteTable(
  'facilities',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** Lower-cased, trimmed, inner spaces collapsed: what "the same name" means. */
    nameKey: text().notNull(),
    phone: text(),
    email: text(),
    website: text(),
    administratorName: text(),
    administratorEmail: text(),
    administratorPhone: text(),
    administratorInvitationId: text(),
    administratorMembershipId: text(),
    featureOrdering: integer({ mode: 'boolean' }).notNull().default(false),
    featureEmar: integer({ mode: 'boolean' }).notNull().default(false),
    featureBubblePack: integer({ mode: 'boolean' }).notNull().default(false),
    featureNotes: integer({ mode: 'boolean' }).notNull().default(false),
    featureTasks: integer({ mode: 'boolean' }).notNull().default(false),
    cycleStartDay: integer(),
    addressLine1: text().notNull(),
    addressLine2: text(),
    city: text().notNull(),
    state: text().notNull(),
    postalCode: text().notNull(),
    addressVerification: text({ mode: 'json' }).$type<AddressVerification>().notNull(),
    contractStatus: text().notNull().default('not_contracted'),
    serviceCategories: text({ mode: 'json' }).$type<string[]>().notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('facilities_org_name').on(t.organizationId, t.nameKey),
    index('facilities_org_created').on(t.organizationId, t.createdAt),
  ],
);

/** Every contract status change: who, when, from, to, why. */
export const facilityContractEvents = sqliteTable(
  'facility_contract_events',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    fromStatus: text(),
    toStatus: text().notNull(),
    note: text(),
    changedBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('facility_contract_events_facility').on(t.facilityId, t.createdAt)],
);

/** Which facilities a `facility_admin` membership may see. */
export const membershipFacilities = sqliteTable(
  'membership_facilities',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    membershipId: text()
      .notNull()
      .references(() => memberships.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.facilityId] })],
);

/** Metadata of a file kept in R2; the bytes live under `storageKey`. */
export const facilityDocuments = sqliteTable(
  'facility_documents',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    kind: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: text().notNull(),
    createdAt: createdAt(),
    deletedAt: text(),
    deletedBy: text(),
  },
  (t) => [index('facility_documents_facility').on(t.facilityId, t.createdAt)],
);

export const patients = sqliteTable(
  'patients',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text()
      .notNull()
      .references(() => facilities.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** `last|first`, lower case without accents or punctuation: what "the same name" means. */
    nameKey: text().notNull(),
    dateOfBirth: text().notNull(),
    roomNumber: text(),
    emergencyContactName: text(),
    emergencyContactRelationship: text(),
    emergencyContactPhone: text(),
    sex: text(),
    mrn: text(),
    notes: text(),
    /** "All healthcare services": the full package, with expert support and AI features (spec 000 FAQ). */
    fullPackage: integer({ mode: 'boolean' }).notNull().default(false),
    enrollmentStatus: text().notNull().default('not_started'),
    /** A manual status set ahead of the checklist; cleared when the checklist catches up. */
    statusOverride: text(),
    statusOverrideReason: text(),
    /** Discharged or care cycle complete: the one status the checklist cannot derive. */
    completedAt: text(),
    /** The template the checklist was copied from, set when it is first opened. */
    checklistTemplateId: text(),
    visitPreference: text().notNull().default('no_preference'),
    meetingStatus: text().notNull().default('not_scheduled'),
    /** The lead this patient was converted from, when there was one. */
    leadId: text(),
    importId: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('patients_facility_name').on(t.organizationId, t.facilityId, t.nameKey, t.dateOfBirth),
    index('patients_org_created').on(t.organizationId, t.createdAt),
  ],
);

/** One roster upload: who, when, which file, into which facility, how many rows. */
export const patientImports = sqliteTable('patient_imports', {
  id: text().primaryKey(),
  organizationId: text()
    .notNull()
    .references(() => organizations.id),
  facilityId: text()
    .notNull()
    .references(() => facilities.id),
  fileName: text(),
  source: text().notNull(),
  rowCount: integer().notNull(),
  createdBy: text().notNull(),
  createdAt: createdAt(),
});

/** The organisation's service catalogue (spec 000, step 4). */
export const services = sqliteTable(
  'services',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    category: text().notNull(),
    name: text().notNull(),
    description: text(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('services_org_category_name').on(t.organizationId, t.category, t.name)],
);

export const patientServices = sqliteTable(
  'patient_services',
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    serviceId: text()
      .notNull()
      .references(() => services.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.serviceId] })],
);

/** A checklist template: the organisation's default (no facility) or a facility's own. */
export const checklistTemplates = sqliteTable(
  'checklist_templates',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    facilityId: text().references(() => facilities.id),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('checklist_templates_org_facility').on(t.organizationId, t.facilityId),
    // SQLite treats NULLs as distinct: the organisation's default needs its own guard.
    uniqueIndex('checklist_templates_org_default').on(t.organizationId).where(sql`facility_id IS NULL`),
  ],
);

export const checklistTemplateItems = sqliteTable(
  'checklist_template_items',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    templateId: text()
      .notNull()
      .references(() => checklistTemplates.id),
    title: text().notNull(),
    description: text(),
    kind: text().notNull(),
    required: integer({ mode: 'boolean' }).notNull(),
    sortOrder: integer().notNull(),
    removedAt: text(),
    /** "Intake form X submitted": a patient's copy of this item completes itself when they submit that form. */
    intakeTemplateId: text(),
    createdAt: createdAt(),
  },
  (t) => [index('checklist_template_items_template').on(t.templateId, t.sortOrder)],
);

/** A patient's own copy of a template item, with its completion. */
export const patientChecklistItems = sqliteTable(
  'patient_checklist_items',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    templateItemId: text(),
    title: text().notNull(),
    description: text(),
    kind: text().notNull(),
    required: integer({ mode: 'boolean' }).notNull(),
    sortOrder: integer().notNull(),
    doneAt: text(),
    doneBy: text(),
    note: text(),
    documentKey: text(),
    documentName: text(),
    evidence: text({ mode: 'json' }).$type<{
      url: string;
      title: string;
      capturedAt: string;
      textSha256: string;
    }>(),
    /** The template dropped this item before it was done; a done item is never removed. */
    removedAt: text(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('patient_checklist_items_patient').on(t.patientId, t.sortOrder),
    // Two first opens at once copy the template once.
    uniqueIndex('patient_checklist_items_template_item').on(t.patientId, t.templateItemId),
  ],
);

/** Every enrollment status change: from, to, when, why, by whom, and whether it was an override. */
export const patientStatusEvents = sqliteTable(
  'patient_status_events',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    reason: text().notNull(),
    override: integer({ mode: 'boolean' }).notNull().default(false),
    changedBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('patient_status_events_patient').on(t.patientId, t.createdAt)],
);

/** A clinician patients are assigned to: a staff member with the provider role, or an outside provider. */
export const providers = sqliteTable(
  'providers',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    membershipId: text().references(() => memberships.id),
    name: text().notNull(),
    credentials: text(),
    npi: text(),
    specialty: text(),
    email: text(),
    phone: text(),
    capacity: integer().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex('providers_org_npi').on(t.organizationId, t.npi)],
);

/** Who a patient is assigned to, over time: the open row is the current assignment. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    providerId: text()
      .notNull()
      .references(() => providers.id),
    assignedAt: text().notNull(),
    assignedBy: text().notNull(),
    endedAt: text(),
    endedBy: text(),
    /** `reassigned` or `unassigned`. */
    endReason: text(),
  },
  (t) => [
    index('assignments_patient').on(t.patientId, t.assignedAt),
    index('assignments_provider_open').on(t.providerId, t.endedAt),
    // At most one current assignment per patient.
    uniqueIndex('assignments_one_open').on(t.patientId).where(sql`ended_at IS NULL`),
  ],
);

export const leadSources = sqliteTable(
  'lead_sources',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    channel: text().notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lead_sources_org_name').on(t.organizationId, t.name)],
);

export const pipelineStages = sqliteTable(
  'pipeline_stages',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    sortOrder: integer().notNull(),
    /** `open`, `won` or `lost`. */
    outcome: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pipeline_stages_org_name').on(t.organizationId, t.name)],
);

export const leads = sqliteTable(
  'leads',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    phone: text(),
    /** Digits only, for duplicate checks. */
    phoneKey: text(),
    nameKey: text().notNull(),
    dateOfBirth: text(),
    responsibleParty: text({ mode: 'json' }).$type<{
      name: string;
      relationship: string;
      email?: string;
      phone?: string;
    }>(),
    sourceId: text().references(() => leadSources.id),
    stageId: text()
      .notNull()
      .references(() => pipelineStages.id),
    stageEnteredAt: text().notNull(),
    coordinatorId: text().references(() => memberships.id),
    notes: text(),
    capture: text({ mode: 'json' }).$type<{
      url?: string;
      title?: string;
      capturedAt?: string;
      channel: string;
    }>(),
    patientId: text().references(() => patients.id),
    /** Set when this lead was merged into another; it then stays only for the record. */
    mergedInto: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    index('leads_org_created').on(t.organizationId, t.createdAt),
    index('leads_org_email').on(t.organizationId, t.email),
    index('leads_org_phone').on(t.organizationId, t.phoneKey),
    index('leads_org_name').on(t.organizationId, t.nameKey),
  ],
);

/** The lead's timeline: calls, emails, notes, stage changes, assignments. */
export const leadActivities = sqliteTable(
  'lead_activities',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    leadId: text()
      .notNull()
      .references(() => leads.id),
    kind: text().notNull(),
    text: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_activities_lead').on(t.leadId, t.createdAt)],
);

/** A follow-up on a lead, with a due time; the cron notifies once per task and due time. */
export const leadTasks = sqliteTable(
  'lead_tasks',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    leadId: text()
      .notNull()
      .references(() => leads.id),
    title: text().notNull(),
    dueAt: text().notNull(),
    doneAt: text(),
    /** The due time a reminder was sent for; a moved due time is reminded again. */
    notifiedFor: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_tasks_due').on(t.doneAt, t.dueAt)],
);

/** The organisation's lead scoring rules (defaults until an administrator edits them). */
export const leadScoringRules = sqliteTable('lead_scoring_rules', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  rules: text({ mode: 'json' }).$type<import('../shared/lead-scoring').ScoringRules>().notNull(),
  updatedBy: text().notNull(),
  updatedAt: text().notNull(),
});

/**
 * The practice website's inquiry form (one per organisation): the unguessable
 * key in its public address and the websites allowed to post from a browser.
 */
export const leadFormSettings = sqliteTable('lead_form_settings', {
  organizationId: text()
    .primaryKey()
    .references(() => organizations.id),
  /** Not a secret (it sits in the website's HTML) but unguessable; rotating it retires the old address. */
  formKey: text().notNull().unique(),
  enabled: integer({ mode: 'boolean' }).notNull().default(false),
  /** Exact origins (`https://host[:port]`) that may post from a browser. */
  allowedOrigins: text({ mode: 'json' }).$type<string[]>().notNull(),
  updatedBy: text(),
  updatedAt: text().notNull(),
});

/**
 * An intake form template (spec 001, 8.2). The builder edits `definition`, a
 * draft; publishing freezes a copy as the next row of `intake_template_versions`.
 */
export const intakeTemplates = sqliteTable(
  'intake_templates',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    /** Lower-cased, trimmed, inner spaces collapsed: what "the same name" means. */
    nameKey: text().notNull(),
    description: text(),
    /** The draft the builder edits; a shape `formDefinitionSchema` accepted. */
    definition: text({ mode: 'json' })
      .$type<import('../shared/intake/definition').FormDefinition>()
      .notNull(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
    /** Archived templates cannot be sent; links already sent keep working. */
    archivedAt: text(),
  },
  (t) => [
    // An archived template gives its name back.
    uniqueIndex('intake_templates_org_name').on(t.organizationId, t.nameKey).where(sql`archived_at IS NULL`),
    index('intake_templates_org_created').on(t.organizationId, t.createdAt),
  ],
);

/** A published version: never changed once written; every request and submission points at one. */
export const intakeTemplateVersions = sqliteTable(
  'intake_template_versions',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    templateId: text()
      .notNull()
      .references(() => intakeTemplates.id),
    version: integer().notNull(),
    definition: text({ mode: 'json' })
      .$type<import('../shared/intake/definition').FormDefinition>()
      .notNull(),
    publishedBy: text().notNull(),
    publishedAt: text().notNull(),
  },
  (t) => [uniqueIndex('intake_template_versions_template_version').on(t.templateId, t.version)],
);

/**
 * A form sent to one lead or one patient: a link whose token is stored only
 * as its SHA-256, the version pinned when it was sent, what the practice
 * already knew (prefill) and the person's saved draft. Renewing rotates the
 * token on this same row. `status` is stored as last written; a row past
 * `expiresAt` and not submitted reads as expired before the cron marks it.
 */
export const intakeRequests = sqliteTable(
  'intake_requests',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    templateId: text()
      .notNull()
      .references(() => intakeTemplates.id),
    versionId: text()
      .notNull()
      .references(() => intakeTemplateVersions.id),
    leadId: text().references(() => leads.id),
    patientId: text().references(() => patients.id),
    /** `email` (the outbox sent the link) or `link` (staff copied it). */
    delivery: text().notNull(),
    /** Only when the link was emailed: reminders go there. */
    recipientEmail: text(),
    tokenHash: text().notNull().unique(),
    /** `sent`, `opened`, `in_progress`, `submitted`, `expired` or `cancelled`. */
    status: text().notNull(),
    expiresAt: text().notNull(),
    sentAt: text().notNull(),
    openedAt: text(),
    /** The first draft save of the current link. */
    startedAt: text(),
    submittedAt: text(),
    /** Once-only guards of the cron: one reminder and one expiry per link. */
    remindedAt: text(),
    expiredAt: text(),
    cancelledAt: text(),
    cancelledBy: text(),
    renewedAt: text(),
    renewals: integer().notNull().default(0),
    /** Answers by field id from the record (and a previous submission), for the person to confirm. */
    prefill: text({ mode: 'json' }).$type<import('../shared/intake/definition').Answers>().notNull(),
    draftAnswers: text({ mode: 'json' }).$type<import('../shared/intake/definition').Answers>(),
    draftSavedAt: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check('intake_requests_one_subject', sql`(lead_id IS NULL) <> (patient_id IS NULL)`),
    index('intake_requests_org_created').on(t.organizationId, t.createdAt),
    index('intake_requests_org_lead').on(t.organizationId, t.leadId, t.status),
    index('intake_requests_org_patient').on(t.organizationId, t.patientId, t.status),
    index('intake_requests_org_template').on(t.organizationId, t.templateId),
    // The cron's reminder and expiry scans.
    index('intake_requests_status_expiry').on(t.status, t.expiresAt),
  ],
);

/** What the submission recorded about one signature (spec 001, HIPAA and consent). */
export type IntakeSignatureRecord = {
  fieldId: string;
  kind: 'drawn' | 'typed';
  signerName: string;
  guardian: { name: string; relationship: string } | null;
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 (hex) of the exact consent text shown before this signature, or null when none was. */
  consentTextHash: string | null;
  consentFieldIds: string[];
};

/** The answers to one request, once: the unique request id makes a second submit fail. */
export const intakeSubmissions = sqliteTable(
  'intake_submissions',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    requestId: text()
      .notNull()
      .unique()
      .references(() => intakeRequests.id),
    templateId: text()
      .notNull()
      .references(() => intakeTemplates.id),
    versionId: text()
      .notNull()
      .references(() => intakeTemplateVersions.id),
    leadId: text(),
    patientId: text(),
    answers: text({ mode: 'json' }).$type<import('../shared/intake/definition').Answers>().notNull(),
    signatures: text({ mode: 'json' }).$type<IntakeSignatureRecord[]>().notNull(),
    /** The signed PDF in R2, once rendered. */
    pdfKey: text(),
    submittedAt: text().notNull(),
    acceptedAt: text(),
    acceptedBy: text(),
    /** Field ids whose answers were copied into the record. */
    acceptedFields: text({ mode: 'json' }).$type<string[]>(),
  },
  (t) => [
    index('intake_submissions_org_submitted').on(t.organizationId, t.submittedAt),
    index('intake_submissions_org_template').on(t.organizationId, t.templateId),
    index('intake_submissions_org_lead').on(t.organizationId, t.leadId),
    index('intake_submissions_org_patient').on(t.organizationId, t.patientId),
  ],
);
