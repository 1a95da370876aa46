import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import { adminToken, eventually, openPanel, signIn, signOut, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

// A name of its own, so a re-run against the same database finds only its own provider.
const lastName = `Strength${Date.now().toString(36)}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function post(path: string, body: unknown) {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken(api)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  const provider = await post('/api/v1/referring-providers', {
    firstName: 'Iris',
    lastName,
    credentials: 'DDS',
    letterPreference: 'mail',
    practice: {
      name: `${lastName} Dental`,
      address: { line1: '200 congress avenue', city: 'austin', state: 'TX', postalCode: '78701' },
    },
  });
  for (const [i, days] of [0, 20, 45].entries())
    await post('/api/v1/referrals/with-lead', {
      providerId: provider.id,
      referralDate: daysAgo(days),
      channel: 'letter',
      lead: { firstName: `Kid${i}`, lastName, phone: `512-555-07${i}1` },
    });
  // A provider whose practice has sent nothing yet: the practice view's empty state.
  await post('/api/v1/referring-providers', {
    firstName: 'Quinn',
    lastName: `Quiet${lastName}`,
    credentials: 'DMD',
    letterPreference: 'mail',
    practice: {
      name: `Quiet${lastName} Dental`,
      address: { line1: '300 congress avenue', city: 'austin', state: 'TX', postalCode: '78701' },
    },
  });
  ({ browser, panel } = await openPanel(api));
  await signIn(panel, 'clinic_admin@demo.test', 'sidecar-demo');
  await panel.getByRole('tab', { name: 'Referrals' }).click();
});
afterAll(() => browser?.close());

const widthOf = async (testId: string) => (await panel.getByTestId(testId).boundingBox())?.width ?? 0;

describe('referral analytics and relationship strength in the side panel', () => {
  it("shows a provider's score with its reasons, the analytics, and edits the rules", async () => {
    await panel.getByLabel('Search referring providers').fill(lastName);
    await panel
      .getByTestId('provider-row')
      .filter({ hasText: `Iris ${lastName}` })
      .click();
    const strength = panel.getByTestId('provider-strength');
    await eventually(() => text(strength)).toContain('Last referral 0 days ago (within 30 days)');
    expect(await text(strength)).toContain('Frequency +9: 3 referrals in the last 365 days');
    expect(await text(strength)).toContain('Letters on time 0: No letters owed to this provider yet');
    expect(Number(await text(panel.getByTestId('strength-score')))).toBeGreaterThan(0);
    expect(await widthOf('chart-provider-months')).toBeLessThanOrEqual(320);

    // Revenue entered on a referral is summed on the provider's figures.
    await panel.getByLabel('Revenue ($)').first().fill('4500');
    await panel.getByLabel('Revenue ($)').first().press('Tab');
    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel
      .getByTestId('provider-row')
      .filter({ hasText: `Iris ${lastName}` })
      .click();
    await eventually(() => text(panel.getByTestId('provider-stats'))).toContain('Revenue entered$4,500');

    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel.getByRole('button', { name: 'Analytics' }).click();
    await eventually(() => text(panel.getByTestId('top-referrers'))).toContain(`Dr Iris ${lastName}, DDS`);
    expect(await text(panel.getByTestId('referral-totals'))).toContain('Referrals received');
    expect(await text(panel.getByTestId('referral-analytics'))).toContain('Cooling referrers');
    for (const chart of ['chart-top-referrers', 'chart-referral-months'])
      expect(await widthOf(chart), chart).toBeLessThanOrEqual(320);

    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel.getByRole('button', { name: 'Strength rules' }).click();
    const each = panel.getByLabel('Each referral (points)');
    await eventually(() => each.inputValue()).toBe('3');
    await each.fill('5');
    await panel.getByRole('button', { name: 'Save strength rules' }).click();
    await eventually(() => text(panel.getByTestId('strength-rules'))).toContain('Strength rules saved');
    await each.fill('3');
    await panel.getByRole('button', { name: 'Save strength rules' }).click();
    await panel.getByRole('button', { name: '← Directory' }).click();
  });

  it("shows a practice's figures from the provider page and from the analytics, within the panel", async () => {
    await panel.getByLabel('Search referring providers').fill(lastName);
    await panel
      .getByTestId('provider-row')
      .filter({ hasText: `Dr Iris ${lastName}` })
      .click();
    await panel.getByRole('button', { name: 'Practice analytics' }).click();
    const view = panel.getByTestId('practice-analytics');
    await eventually(() => text(view)).toContain(`${lastName} Dental`);
    expect(await text(panel.getByTestId('practice-stats'))).toContain('Referrals received3');
    expect(await text(panel.getByTestId('practice-providers'))).toContain(
      `Dr Iris ${lastName}, DDS3 referred, 0 started`,
    );
    expect(await panel.getByTestId('practice-empty').count()).toBe(0);
    // The period is chosen here as on the analytics: 30 days leave out the referral of 45 days ago.
    await panel.getByLabel('Period', { exact: true }).selectOption('30');
    await eventually(() => text(panel.getByTestId('practice-stats'))).toContain('Referrals received2');
    for (const id of ['practice-analytics', 'chart-practice-months', 'chart-practice-providers'])
      expect(await widthOf(id), id).toBeLessThanOrEqual(id === 'practice-analytics' ? 480 : 320);
    await panel.getByRole('button', { name: '← Provider' }).click();
    await panel.getByTestId('provider-strength').waitFor();

    // From the analytics: the practice beside a top referrer.
    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel.getByRole('button', { name: 'Analytics' }).click();
    await panel
      .getByRole('button', { name: `Practice analytics: ${lastName} Dental` })
      .first()
      .click();
    await eventually(() => text(panel.getByTestId('practice-stats'))).toContain('Referrals received3');
    await panel.getByRole('button', { name: '← Analytics' }).click();
    await panel.getByTestId('top-referrers').waitFor();
    await panel.getByRole('button', { name: '← Directory' }).click();

    // A practice that has sent nothing says so.
    await panel.getByLabel('Search referring providers').fill(`Quiet${lastName}`);
    await panel
      .getByTestId('provider-row')
      .filter({ hasText: `Quiet${lastName}` })
      .click();
    await panel.getByRole('button', { name: 'Practice analytics' }).click();
    await eventually(() => text(panel.getByTestId('practice-empty'))).toContain(
      'No referrals from this practice in this period.',
    );
    await panel.getByRole('button', { name: '← Provider' }).click();
    await panel.getByRole('button', { name: '← Directory' }).click();
    await panel.getByLabel('Search referring providers').fill('');
  });

  it('shows a read-only role the analytics and no button it cannot use', async () => {
    await signOut(panel);
    await signIn(panel, 'read_only@demo.test', 'sidecar-demo');
    await panel.getByRole('tab', { name: 'Referrals' }).click();
    await panel.getByRole('button', { name: 'Analytics' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Strength rules' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Add referring provider' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Analytics' }).click();
    await eventually(() => text(panel.getByTestId('top-referrers'))).toContain(lastName);
  });
});
