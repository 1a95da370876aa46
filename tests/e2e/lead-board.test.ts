import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { launchWithExtension } from './extension-browser';
import { ensureLead, eventually, openPanel, signIn, text } from './panel';

const api = inject('apiOrigin');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let panel: Page;

beforeAll(async () => {
  ({ browser, panel } = await openPanel(api));
  await ensureLead(api, { firstName: 'Bo', lastName: 'Boardwalk', email: 'bo.boardwalk@example.test' });
  await ensureLead(api, { firstName: 'Cal', lastName: 'Boardwalk', email: 'cal.boardwalk@example.test' });
  await signIn(panel, 'treatment_coordinator@demo.test', 'sidecar-demo');
  await panel.getByRole('tab', { name: 'Leads' }).click();
});
afterAll(() => browser?.close());

const column = (stage: string) => panel.getByRole('region', { name: new RegExp(`^${stage}`) });
const total = async (stage: string) => Number(await text(column(stage).getByTestId('column-count')));
const card = (stage: string, name: string) =>
  column(stage).getByTestId('lead-card').filter({ hasText: name });

describe('the lead board', () => {
  it('moves leads between stages by button and by dragging, and the counts follow', async () => {
    await panel.getByRole('button', { name: 'Board', exact: true }).click();
    await card('New inquiry', 'Bo Boardwalk').waitFor();
    const before = { inquiry: await total('New inquiry'), contacted: await total('Contacted') };
    // The card carries the score and what happens next.
    expect(await text(card('New inquiry', 'Bo Boardwalk').locator('.score'))).toMatch(/^\d{1,3}$/);
    expect(await text(card('New inquiry', 'Bo Boardwalk'))).toContain('No follow-up planned');

    // From the keyboard: the card's button to the next stage.
    await card('New inquiry', 'Bo Boardwalk')
      .getByRole('button', { name: /^Contacted →/ })
      .click();
    await card('Contacted', 'Bo Boardwalk').waitFor();
    expect(await total('New inquiry')).toBe(before.inquiry - 1);
    expect(await total('Contacted')).toBe(before.contacted + 1);
    await eventually(() => text(panel.getByTestId('lead-board').getByRole('status'))).toBe(
      'Bo Boardwalk moved to Contacted.',
    );

    // By dragging a card onto another column.
    // The drag's events with one shared DataTransfer, as the browser sends them: a
    // mouse-driven drag across a board taller than the window depends on scrolling mid-drag.
    const carried = await panel.evaluateHandle(
      () => new (globalThis as unknown as { DataTransfer: new () => object }).DataTransfer(),
    );
    await card('New inquiry', 'Cal Boardwalk').dispatchEvent('dragstart', { dataTransfer: carried });
    await column('Contacted').dispatchEvent('dragover', { dataTransfer: carried });
    await column('Contacted').dispatchEvent('drop', { dataTransfer: carried });
    await card('Contacted', 'Cal Boardwalk').waitFor();
    expect(await total('Contacted')).toBe(before.contacted + 2);

    // The moves were saved: the board read again from the server agrees.
    await panel.getByRole('button', { name: 'List', exact: true }).click();
    await panel.getByRole('button', { name: 'Board', exact: true }).click();
    await card('Contacted', 'Cal Boardwalk').waitFor();
    expect(await card('Contacted', 'Bo Boardwalk').count()).toBe(1);
    expect(await total('New inquiry')).toBe(before.inquiry - 2);
  });
});
