import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { diagnose } from './diagnose';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** A screen of the panel: the area tab it lives under, and how to reach it from the area's first view. */
export type Screen = { name: string; area: string; open?: (panel: Page) => Promise<boolean> };

/**
 * Waits until no list is loading and no "Loading…" placeholder shows (the
 * background answers asynchronously). A screen that never settles fails the
 * tour rather than being looked at half drawn.
 */
export async function settled(panel: Page) {
  // Locators, not a page script: the panel's content security policy refuses eval.
  for (const busy of [panel.locator('[aria-busy="true"]'), panel.getByText('Loading…')])
    await busy
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\n${await diagnose(panel)}`);
      });
}

/** Clicks the first element matching `selector` once the screen has settled; false when the role has none. */
const clickIfThere = (selector: string) => async (panel: Page) => {
  await settled(panel);
  const target = panel.locator(selector).first();
  if ((await target.count()) === 0) return false;
  await target.click();
  return true;
};
const button = (name: string) => async (panel: Page) => {
  await settled(panel);
  const target = panel.getByRole('button', { name, exact: true }).first();
  if ((await target.count()) === 0) return false;
  await target.click();
  return true;
};

/**
 * Clicks a button that appears once its screen has loaded (a rule's Dry run, a
 * patient's case): false when it does not appear within a few seconds.
 */
const buttonOnceThere = (name: string) => async (panel: Page) => {
  const target = panel.getByRole('button', { name, exact: true }).first();
  const there = await target.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (there) await target.click();
  return there;
};

/** Every screen a person can reach in a few clicks, in the order a tour visits them. */
export const SCREENS: Screen[] = [
  { name: 'facilities', area: 'Facilities' },
  { name: 'facility-detail', area: 'Facilities', open: clickIfThere('[data-testid="facility-row"] button') },
  { name: 'facility-add', area: 'Facilities', open: button('Add facility') },
  { name: 'demand-planning', area: 'Facilities', open: button('Demand planning') },
  { name: 'patients', area: 'Patients' },
  { name: 'patient-detail', area: 'Patients', open: clickIfThere('[data-testid="patient-row"] .row-link') },
  { name: 'patient-add', area: 'Patients', open: button('Add patient') },
  { name: 'roster-import', area: 'Patients', open: button('Import roster') },
  { name: 'tracker', area: 'Patients', open: button('Tracker') },
  { name: 'pending-pool', area: 'Patients', open: button('Pending pool') },
  { name: 'checklist-template', area: 'Patients', open: button('Checklist') },
  { name: 'service-catalogue', area: 'Patients', open: button('Service catalogue') },
  { name: 'leads', area: 'Leads' },
  { name: 'lead-detail', area: 'Leads', open: clickIfThere('[data-testid="lead-row"] button') },
  { name: 'lead-board', area: 'Leads', open: button('Board') },
  { name: 'lead-add', area: 'Leads', open: button('Add lead') },
  { name: 'lead-import', area: 'Leads', open: button('Import leads') },
  { name: 'lead-analytics', area: 'Leads', open: button('Analytics') },
  { name: 'lead-settings', area: 'Leads', open: button('Pipeline and sources') },
  { name: 'referrals', area: 'Referrals' },
  {
    name: 'referral-provider',
    area: 'Referrals',
    open: clickIfThere('[data-testid="provider-row"] button'),
  },
  {
    name: 'referral-practice',
    area: 'Referrals',
    open: async (panel) =>
      (await clickIfThere('[data-testid="provider-row"] button')(panel)) &&
      button('Practice analytics')(panel),
  },
  { name: 'referral-analytics', area: 'Referrals', open: button('Analytics') },
  { name: 'referral-strength-rules', area: 'Referrals', open: button('Strength rules') },
  { name: 'intake', area: 'Intake' },
  { name: 'intake-sent', area: 'Intake', open: button('Sent') },
  { name: 'intake-submissions', area: 'Intake', open: button('Submissions') },
  { name: 'referrals', area: 'Referrals' },
  { name: 'referral-letters', area: 'Referrals', open: button('Letters') },
  {
    name: 'letter-view',
    area: 'Referrals',
    open: async (panel) => {
      await button('Letters')(panel);
      return clickIfThere('[data-testid="letter-row"] button')(panel);
    },
  },
  { name: 'letter-templates', area: 'Referrals', open: button('Templates') },
  { name: 'records', area: 'Records' },
  { name: 'records-request', area: 'Records', open: clickIfThere('[data-testid="records-row"] button') },
  { name: 'records-add', area: 'Records', open: button('New request') },
  { name: 'records-settings', area: 'Records', open: button('Records settings') },
  { name: 'automations', area: 'Automations' },
  { name: 'automation-rule', area: 'Automations', open: clickIfThere('[data-testid="rule-row"] button') },
  {
    name: 'automation-rule-dry-run',
    area: 'Automations',
    open: async (panel) =>
      (await clickIfThere('[data-testid="rule-row"] button')(panel)) && buttonOnceThere('Dry run')(panel),
  },
  { name: 'automation-rule-builder', area: 'Automations', open: button('New automation') },
  { name: 'automation-templates', area: 'Automations', open: button('Templates') },
  {
    name: 'automation-template',
    area: 'Automations',
    open: async (panel) =>
      (await button('Templates')(panel)) && clickIfThere('[data-testid="template-row"] button')(panel),
  },
  { name: 'automation-sending', area: 'Automations', open: button('Sending settings') },
  {
    name: 'patient-case',
    area: 'Patients',
    open: async (panel) =>
      // Ada Tour is the tour's patient with a synced case (tests/e2e/automation-setup.ts).
      (await clickIfThere('[data-testid="patient-row"]:has-text("Tour, Ada") .row-link')(panel)) &&
      buttonOnceThere('Open the case')(panel),
  },
  { name: 'members', area: 'Members' },
  { name: 'audit', area: 'Audit' },
  { name: 'account', area: 'Facilities', open: button('Account') },
];

/**
 * Elements reaching past the panel's right edge (or the page scrolling
 * sideways), each named by tag, test id or class and its text, so a failure
 * says what to fix.
 */
export function overflowing(panel: Page): Promise<string[]> {
  // A script in the page's terms (the tests' compiler has no DOM types).
  return panel.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width + 1)
      found.push('page scrolls sideways (' + document.documentElement.scrollWidth + ' px)');
    // Content cut off inside a box that hides its overflow (a line ending in an ellipsis) does not reach past the panel.
    const clipped = (el) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const overflow = getComputedStyle(a).overflowX;
        // A box that scrolls sideways is what this looks for; only a box that hides its overflow cuts it off.
        if (overflow === 'hidden' || overflow === 'clip') return a.getBoundingClientRect().right <= width + 1;
        if (overflow !== 'visible') return false;
      }
      return false;
    };
    const describe = (el, box) => {
      const name = el.dataset.testid || el.id || (typeof el.className === 'string' ? el.className : '');
      const text = (el.textContent || '').trim().slice(0, 40);
      return el.tagName.toLowerCase() + (name ? ' [' + name + ']' : '') + ' "' + text + '" ends at ' + Math.round(box.right) + ' px';
    };
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
      wide.push(describe(el, box));
      if (clipped(el)) continue;
      // Report the outermost element only: its children overflow with it.
      const parent = el.parentElement && el.parentElement.getBoundingClientRect();
      if (parent && parent.right > width + 1) continue;
      found.push(describe(el, box));
    }
    // The page scrolls yet nothing was named: name every element past the edge, so the failure says what to fix.
    if (found.length === 1 && wide.length) found.push(...wide.slice(0, 8));
    return found;
  })()`);
}

/** axe-core's findings of any impact on the panel as it is. */
export async function axeFindings(panel: Page) {
  await panel.evaluate(AXE);
  const results = await panel.evaluate(() =>
    (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe.run(),
  );
  return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
