// Automation actions: what each action of a run did, the tasks rules give
// staff, and signed webhooks with every delivery attempt.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { memberships, organizations } from './tenancy';

/**
 * One action of one run: its id is derived from (rule version, subject,
 * occurrence, action), so two overlapping runs record it once, in the batch of
 * the message, task or webhook delivery it made (or with the reason it skipped).
 */
export const automationActs = sqliteTable(
  'automation_acts',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    runId: text().notNull(),
    actionIndex: integer().notNull(),
    /** `email`, `sms`, `task` or `webhook`. */
    kind: text().notNull(),
    /** `queued`, `created` or `skipped`. */
    status: text().notNull(),
    /** A message's recipient kind (`patient`, `guardian`, `lead`, `staff`, `referrer`). */
    recipientKind: text(),
    reason: text(),
    outboxMessageId: text(),
    taskId: text(),
    webhookDeliveryId: text(),
    createdAt: createdAt(),
  },
  (t) => [index('automation_acts_run').on(t.organizationId, t.runId, t.actionIndex)],
);

/** A task for a staff member, about a patient, a lead or a case (made by a rule, or by hand later). */
export const staffTasks = sqliteTable(
  'staff_tasks',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    assigneeId: text()
      .notNull()
      .references(() => memberships.id),
    title: text().notNull(),
    /** The rule's subject: `case`, `patient`, `lead`, … and its id. */
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    /** The person it is about, when there is one: what the patient and lead pages list. */
    patientId: text(),
    leadId: text(),
    /** YYYY-MM-DD. */
    dueDate: text().notNull(),
    doneAt: text(),
    doneBy: text(),
    /** The due date the assignee's reminder digest last covered: one reminder per task per due date. */
    remindedFor: text(),
    /** The digest email that carried that reminder. */
    reminderMessageId: text(),
    ruleId: text(),
    ruleVersion: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    // Someone's open (or done) tasks by due date, keyset on (due date, id); a patient's and a lead's.
    index('staff_tasks_org_assignee').on(t.organizationId, t.assigneeId, t.doneAt, t.dueDate, t.id),
    index('staff_tasks_org_patient').on(t.organizationId, t.patientId, t.dueDate, t.id),
    index('staff_tasks_org_lead').on(t.organizationId, t.leadId, t.dueDate, t.id),
    // The reminder cron: open tasks due by today across organisations, and whether they were reminded.
    index('staff_tasks_due_reminders').on(t.doneAt, t.dueDate, t.remindedFor),
    index('staff_tasks_reminder_message').on(t.organizationId, t.reminderMessageId),
  ],
);

/**
 * Where webhook actions POST to. The signing secret (`whsec_` + base64) is
 * shown once when the endpoint is created and kept only here, server-side.
 */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    url: text().notNull(),
    description: text(),
    secret: text().notNull(),
    /**
     * The secret before the last rotation, still signing beside the new one
     * until `previousSecretUntil` (Standard Webhooks' space-separated
     * signatures), so a receiver can switch without refusing a delivery.
     */
    previousSecret: text(),
    previousSecretUntil: text(),
    disabledAt: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_endpoints_org').on(t.organizationId, t.createdAt)],
);

/** One webhook message: the same id and body on every attempt (the receiver's idempotency key). */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    endpointId: text()
      .notNull()
      .references(() => webhookEndpoints.id),
    ruleId: text(),
    eventType: text().notNull(),
    /** The exact JSON body signed and sent. */
    payload: text().notNull(),
    /** `enqueued`, `sending`, `retrying`, `delivered` or `failed`. */
    status: text().notNull(),
    attempts: integer().notNull().default(0),
    firstAttemptAt: text(),
    claimedAt: text(),
    nextAttemptAt: text(),
    deliveredAt: text(),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [
    // Newest first, of one endpoint or all, keyset on (created, id).
    index('webhook_deliveries_org_endpoint').on(t.organizationId, t.endpointId, t.createdAt, t.id),
    index('webhook_deliveries_org_created').on(t.organizationId, t.createdAt, t.id),
    index('webhook_deliveries_status').on(t.status, t.nextAttemptAt),
  ],
);

/** Every attempt at a delivery: when, the answer's status and the start of its body, or the error. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    deliveryId: text()
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer().notNull(),
    at: text().notNull(),
    /** The HTTP status, or null when no answer came (refused, timed out). */
    responseStatus: integer(),
    responseExcerpt: text(),
    error: text(),
    durationMs: integer().notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.organizationId, t.deliveryId, t.attempt)],
);
