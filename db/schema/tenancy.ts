// Organisations, people, memberships, sessions and sign-in state.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

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
  (t) => [
    uniqueIndex('memberships_org_user').on(t.organizationId, t.userId),
    index('memberships_org_created').on(t.organizationId, t.createdAt, t.id),
  ],
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
