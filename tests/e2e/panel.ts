import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchWithExtension, openSidePanel } from './extension-browser';

/** Retries until the UI settles (10 s at most): the panel answers asynchronously. */
export const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: 10_000, interval: 100 });

/** A locator's text, or null while it is not there. */
export const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

/** Points the panel at the test worker: it listens on a port of its own. */
export async function pointAt(panel: Page, origin: string) {
  await panel.getByRole('button', { name: 'Change' }).click();
  await panel.getByLabel('Server address').fill(origin);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByTestId('server-url').filter({ hasText: origin }).waitFor();
}

export async function signIn(panel: Page, email: string, password: string) {
  await panel.getByLabel('Email').fill(email);
  await panel.getByLabel('Password').fill(password);
  await panel.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(panel: Page) {
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await panel.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** Points the panel at the test worker and signs in. */
export async function connectAndSignIn(panel: Page, origin: string, email: string) {
  await pointAt(panel, origin);
  await signIn(panel, email, 'sidecar-demo');
}

/** A demo administrator's API token, for setting up what a test needs through the API. */
export async function adminToken(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'clinic_admin@demo.test', password: 'sidecar-demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

type Json = Record<string, unknown> & { id: string };

/** A JSON call as the demo administrator, for what a flow needs before it starts. */
async function asAdmin(origin: string, path: string, body?: unknown) {
  const res = await fetch(`${origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${await adminToken(origin)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { items: Json[] } & Json;
}

/**
 * The facility an earlier flow (facility onboarding) creates, made through the
 * API when this file runs on its own; answers its id.
 */
export async function ensureFacility(origin: string, name: string): Promise<string> {
  const found = await asAdmin(origin, `/api/v1/facilities?q=${encodeURIComponent(name)}`);
  const existing = found.items.find((f) => f.name === name);
  if (existing) return existing.id;
  // Pharmacy, as the onboarding flow chooses for it: a facility offers services only in its categories.
  const made = await asAdmin(origin, '/api/v1/facilities', {
    name,
    address: { line1: '10 Oak St', city: 'Denver', state: 'CO', postalCode: '80202' },
    serviceCategories: ['pharmacy'],
  });
  return made.id;
}

/** Gives every patient of the facility "all healthcare services", so demand planning has figures to show. */
export async function ensureAllServices(origin: string, facilityId: string) {
  const patients = await asAdmin(origin, `/api/v1/patients?facilityId=${facilityId}`);
  if (patients.items.length > 0)
    await asAdmin(origin, '/api/v1/patients/services/bulk', {
      patientIds: patients.items.map((p) => p.id),
      allHealthcareServices: true,
    });
}

type Person = { firstName: string; lastName: string; dateOfBirth: string; email?: string };

/** Patients an earlier flow (roster import) brings in, made through the API when missing; answers their ids. */
export async function ensurePatients(origin: string, facilityId: string, people: Person[]) {
  const ids: string[] = [];
  for (const person of people) {
    const found = await asAdmin(
      origin,
      `/api/v1/patients?facilityId=${facilityId}&q=${encodeURIComponent(person.lastName)}`,
    );
    const existing = found.items.find(
      (p) => p.firstName === person.firstName && p.lastName === person.lastName,
    );
    ids.push((existing ?? (await asAdmin(origin, '/api/v1/patients', { facilityId, ...person }))).id);
  }
  return ids;
}

/**
 * A fresh browser with the built extension, its side panel open and pointed at
 * the test worker. The panel asks its questions in its own dialogs; a native
 * one (confirm, prompt) is dismissed, so a flow that still relied on it fails.
 */
export async function openPanel(origin: string) {
  const browser = await launchWithExtension();
  const panel = await openSidePanel(browser.context, browser.extensionId);
  await pointAt(panel, origin);
  return { browser, context: browser.context, panel };
}

/** A lead for flows that open one, made through the API when missing. */
export async function ensureLead(
  origin: string,
  person: { firstName: string; lastName: string; email: string },
) {
  const found = await asAdmin(origin, `/api/v1/leads?q=${encodeURIComponent(person.lastName)}`);
  if (!found.items.some((l) => l.firstName === person.firstName && l.lastName === person.lastName))
    await asAdmin(origin, '/api/v1/leads', person);
}

/**
 * A referring provider with one referral that came with a new lead (which
 * queues the thank-you letter), made through the API when the directory has
 * no such provider.
 */
export async function ensureReferral(origin: string, provider: { firstName: string; lastName: string }) {
  const found = await asAdmin(
    origin,
    `/api/v1/referring-providers?q=${encodeURIComponent(provider.lastName)}`,
  );
  if (found.items.length > 0) return;
  const made = await asAdmin(origin, '/api/v1/referring-providers', {
    ...provider,
    credentials: 'DDS',
    // A long address, one word to the browser: the tour checks it breaks rather than widen the panel.
    email:
      `${provider.firstName}.${provider.lastName}@${provider.lastName}familydentistryofcentraltexas.example`.toLowerCase(),
    practice: {
      name: `${provider.lastName} Family Dental`,
      address: { line1: '500 East Main Street', city: 'Austin', state: 'TX', postalCode: '78701' },
      phone: '512-555-0100',
    },
  });
  await asAdmin(origin, '/api/v1/referrals/with-lead', {
    providerId: made.id,
    referralDate: new Date().toISOString().slice(0, 10),
    channel: 'letter',
    lead: { firstName: 'Rey', lastName: `${provider.lastName}referred`, email: 'rey.referred@example.test' },
  });
}

/** An open records request for the patient, so the tour has one to open on the compliance board. */
export async function ensureRecordsRequest(origin: string, patientId: string) {
  const open = await asAdmin(origin, '/api/v1/records-requests?open=true&limit=1');
  if (open.items.length > 0) return;
  const today = new Date().toISOString().slice(0, 10);
  await asAdmin(origin, '/api/v1/records-requests', {
    direction: 'outgoing',
    patientId,
    requesterKind: 'patient',
    party: { name: 'Ada Tour', email: 'ada.tour@example.test' },
    recordTypes: ['Visit notes'],
    dateFrom: '2025-01-01',
    dateTo: today,
    purpose: 'Personal use',
    receivedVia: 'email',
    deliveryMethod: 'secure_link',
    receivedOn: today,
  });
}
