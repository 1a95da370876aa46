import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Retries until the UI settles (10 s at most): the panel answers asynchronously. */
export const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: 10_000, interval: 100 });

/** A locator's text, or null while it is not there. */
export const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

/** Points the panel at the test worker (it listens on a port of its own) and signs in. */
export async function connectAndSignIn(panel: Page, origin: string, email: string) {
  await panel.getByRole('button', { name: 'Change' }).click();
  await panel.getByLabel('Server address').fill(origin);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByTestId('server-url').filter({ hasText: origin }).waitFor();
  await panel.getByLabel('Email').fill(email);
  await panel.getByLabel('Password').fill('sidecar-demo');
  await panel.getByRole('button', { name: 'Sign in' }).click();
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
