import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTourAutomation } from './automation-setup';
import type { launchWithExtension } from './extension-browser';
import {
  ensureAllServices,
  ensureFacility,
  ensureLead,
  ensurePatients,
  ensureRecordsRequest,
  ensureReferral,
  openPanel,
  signIn,
  signOut,
} from './panel';
import { axeFindings, overflowing, SCREENS, settled as settleScreen } from './panel-tour';

// Every screen at side-panel widths, as each main role: nothing may reach past
// the panel's edge, and axe finds nothing. The tour also leaves a screenshot of
// each screen at 360 px in .tmp/screens for reviewers (README, "Screenshots").
const api = inject('apiOrigin');
const WIDTHS = [320, 360, 400];
const ROLES = ['clinic_admin', 'treatment_coordinator', 'front_desk', 'facility_admin', 'read_only'];
const SHOTS = '.tmp/screens';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  const facilityId = await ensureFacility(api, 'Willow Creek Care');
  const [ada] = await ensurePatients(api, facilityId, [
    { firstName: 'Ada', lastName: 'Tour', dateOfBirth: '1941-02-03' },
  ]);
  await ensureAllServices(api, facilityId);
  await ensureRecordsRequest(api, ada!);
  await ensureTourAutomation(api, facilityId, ada!);
  await ensureLead(api, { firstName: 'Ava', lastName: 'Tourguide', email: 'ava.tourguide@example.test' });
  await ensureReferral(api, { firstName: 'Tia', lastName: 'Tourdentist' });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => browser?.close());

/** Opens an area fresh (its first view), picking the tour's facility where patients need one. */
async function openArea(area: string) {
  const tab = panel.getByRole('tab', { name: area, exact: true });
  if ((await tab.count()) === 0) return false;
  // Another tab first, so the area starts again from its first view.
  const other = panel.getByRole('tab').filter({ hasNotText: area }).first();
  if ((await other.count()) > 0) await other.click();
  await tab.click();
  await settled();
  const facility = panel.getByLabel('Facility', { exact: true });
  // A role that cannot see the tour's facility (a facility admin of another) sees the empty choice.
  const offered = facility.locator('option', { hasText: 'Willow Creek Care' });
  if (area === 'Patients' && (await offered.count()) > 0 && (await facility.inputValue()) === '') {
    await facility.selectOption({ label: 'Willow Creek Care' });
  }
  await settled();
  return true;
}

const settled = () => settleScreen(panel);

describe.each(ROLES)('every screen as %s', (role) => {
  const problems: string[] = [];
  const skipped: string[] = [];
  beforeAll(async () => {
    await signIn(panel, `${role}@demo.test`, 'sidecar-demo');
    await panel.getByTestId('signed-in-header').waitFor();
  });
  afterAll(() => signOut(panel));

  it('fits 320 to 400 px and passes axe', async () => {
    for (const screen of SCREENS) {
      await panel.setViewportSize({ width: 360, height: 800 });
      if (!(await openArea(screen.area)) || (screen.open && !(await screen.open(panel)))) {
        skipped.push(screen.name);
        continue;
      }
      await settled();
      for (const width of WIDTHS) {
        await panel.setViewportSize({ width, height: 800 });
        for (const p of await overflowing(panel)) problems.push(`${screen.name} at ${width}: ${p}`);
      }
      await panel.setViewportSize({ width: 360, height: 800 });
      for (const p of await axeFindings(panel)) problems.push(`${screen.name} axe: ${p}`);
      await panel.screenshot({ path: `${SHOTS}/${role}-${screen.name}.png`, fullPage: true });
    }
    expect(problems).toEqual([]);
    // An administrator can reach every screen: one skipped means the tour lost its way, not the role.
    if (role === 'clinic_admin') expect(skipped).toEqual([]);
  }, 240_000);
});

// Dark mode follows the browser: the same screens, as an administrator (who
// sees the most), must keep axe's contrast and every other rule.
describe('every screen in dark mode', () => {
  const problems: string[] = [];
  beforeAll(async () => {
    await panel.emulateMedia({ colorScheme: 'dark' });
    await signIn(panel, 'clinic_admin@demo.test', 'sidecar-demo');
    await panel.getByTestId('signed-in-header').waitFor();
  });
  afterAll(async () => {
    await signOut(panel);
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('passes axe at 360 px', async () => {
    await panel.setViewportSize({ width: 360, height: 800 });
    const background = await panel.evaluate(`getComputedStyle(document.documentElement).backgroundColor`);
    expect(background).toBe('rgb(20, 24, 29)');
    for (const screen of SCREENS) {
      if (!(await openArea(screen.area))) continue;
      if (screen.open && !(await screen.open(panel))) continue;
      await settled();
      for (const p of await axeFindings(panel)) problems.push(`${screen.name} axe: ${p}`);
      await panel.screenshot({ path: `${SHOTS}/dark-${screen.name}.png`, fullPage: true });
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
