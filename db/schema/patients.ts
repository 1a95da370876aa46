// Patients, roster imports, the service catalogue and services per patient.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { facilities } from './facilities';
import { organizations } from './tenancy';

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
    /** The patient's own contact, for messages to them (a converted lead's contact is used when empty). */
    email: text(),
    phone: text(),
    /** The phone's digits as leads keep them (`phoneKey`): how an inbound text finds the patient. */
    phoneKey: text(),
    /** Who pays for the care, as the census names it ("Medicare A", "Medicaid pending"). */
    payer: text(),
    /** The attending physician, as the census names them. */
    attendingPhysician: text(),
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
    // A facility's patients alphabetically (list, tracker, pool), keyset-paged on (name, id);
    // the duplicate check finds the same name here and compares birth dates among them.
    index('patients_facility_name').on(t.organizationId, t.facilityId, t.nameKey, t.id),
    index('patients_org_created').on(t.organizationId, t.createdAt),
    // The organisation-wide list: alphabetical, keyset-paged on (name, id).
    index('patients_org_name').on(t.organizationId, t.nameKey, t.id),
    // Automation rules on enrollment status, walked in id order as the evaluation pages them.
    index('patients_org_enrollment').on(t.organizationId, t.enrollmentStatus, t.id),
    // An inbound text from the patient's own number lands on their page.
    index('patients_org_phone').on(t.organizationId, t.phoneKey),
  ],
);

/**
 * Messages a patient sent the practice from their own number (texts, for
 * now), shown on the patient's page; a lead's land on the lead's timeline.
 */
export const patientMessages = sqliteTable(
  'patient_messages',
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    patientId: text()
      .notNull()
      .references(() => patients.id),
    channel: text().notNull(),
    /** `inbound`: the patient wrote. */
    direction: text().notNull(),
    text: text().notNull(),
    /** The provider's id of the message: a webhook delivered twice records it once. */
    providerId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('patient_messages_patient').on(t.organizationId, t.patientId, t.createdAt, t.id),
    uniqueIndex('patient_messages_provider').on(t.organizationId, t.patientId, t.providerId),
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
