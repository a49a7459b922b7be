import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import type { Deal } from '../../shared/domain/deals/deal.schema.js';
import { apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import {
  closeAll,
  openDropdown,
  openSession,
  SALES1,
  SALES2,
  type Session,
  screenshot,
  signIn,
  startBrowser,
  texts,
} from './helpers.js';

const MANAGER = 'manager@cirrus.local';

/** Where an element is once it shows: the board re-renders its columns when a refetch lands. */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let box: Awaited<ReturnType<Locator['boundingBox']>> = null;
  await expect
    .poll(async () => {
      box = await locator.boundingBox().catch(() => null);
      return box !== null;
    })
    .toBe(true);
  return box!;
}

/** Drags a board card onto a stage column with the mouse, in steps (dnd-kit's pointer sensor). */
async function drag(page: Page, card: Locator, column: Locator): Promise<void> {
  // A closing dialog's mask would take the pointer, and a refetch in flight re-renders the column.
  await expect.poll(() => page.locator('.ant-modal-mask:visible').count()).toBe(0);
  await page.waitForLoadState('networkidle');
  const from = await boxOf(card);
  const to = await boxOf(column);
  // Grab the card below its name (the name is a link to the deal).
  const grab = { x: from.x + from.width / 2, y: from.y + from.height - 8 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 10, grab.y + 10, { steps: 4 });
  await page.mouse.move(to.x + Math.min(to.width / 2, 60), to.y + 80, { steps: 12 });
  await page.mouse.up();
}

const count = (page: Page, stageId: string) => page.getByTestId(`stage-count-${stageId}`).textContent();

/**
 * A sales rep creates a deal, drags it through the stages of the board and closes it won: the
 * card and the column totals move. A stale card is a conflict, not an overwrite. A manager sees
 * the team's deal on the board; a rep of another team does not.
 */
describe('deals: the board', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let rep: Session;
  const name = `Kanban rollout ${Date.now()}`;
  let dealId = '';
  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime();
    browser = await startBrowser();
    rep = await openSession(browser, { viewport: { width: 1920, height: 900 } });
  });
  afterAll(async () => {
    await closeAll(
      () => rep?.context.close(),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('a rep creates a deal from the board; it lands in Lead with the column total', async () => {
    const { page } = rep;
    await signIn(page, env().baseUrl, SALES1);
    await page.getByTestId('nav-deals').click();
    await page.getByTestId('stage-column-lead').waitFor();
    await page.getByTestId('deal-new').click();
    await page.locator('.ant-modal input#name').fill(name);
    await page.locator('.ant-modal input#amount').fill('12500');
    await page.getByTestId('deal-save').click();
    const card = page.getByTestId('stage-column-lead').getByText(name);
    await card.waitFor();
    await expect.poll(() => count(page, 'lead')).toMatch(/^1 deals?/);
    expect(await page.getByTestId('stage-total-lead').textContent()).toContain('12,500');
    const listed = await apiAs(env(), SALES1).get<Listed<Deal>>('/api/deals');
    dealId = listed.body.items.find((d) => d.name === name)!.id;
    await screenshot(page, 'deals-01-created');
  });

  it('drags the deal through the stages and closes it won; the card and totals move', async () => {
    const { page } = rep;
    for (const [from, to] of [
      ['lead', 'intention'],
      ['intention', 'quote'],
      ['quote', 'negotiation'],
      ['negotiation', 'won'],
    ] as const) {
      const card = page.getByTestId(`deal-card-${dealId}`);
      const moved = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${dealId}/stage`));
      await drag(page, card, page.getByTestId(`stage-column-${to}`));
      expect((await moved).status()).toBe(200);
      await page.getByTestId(`stage-column-${to}`).getByTestId(`deal-card-${dealId}`).waitFor();
      await expect.poll(() => count(page, to)).toMatch(/^1 /);
      await expect.poll(() => count(page, from)).toMatch(/^0 /);
    }
    const deal = (await apiAs(env(), SALES1).get<Deal>(`/api/deals/${dealId}`)).body;
    expect(deal).toMatchObject({ status: 'won', probability: 100, stageId: 'won' });
    expect(deal.stageHistory.map((v) => v.stageId)).toEqual(['lead', 'intention', 'quote', 'negotiation', 'won']);
    await screenshot(page, 'deals-02-won');
  });

  it('a stale card is a conflict: nothing is overwritten and the board reloads', async () => {
    const { page } = rep;
    const other = (
      await apiAs(env(), SALES1).post<Deal>('/api/deals', {
        name: `Stale ${Date.now()}`,
        amount: 100,
        currency: 'CNY',
        expectedCloseDate: '2031-05-01',
      })
    ).body;
    await page.reload();
    const card = page.getByTestId(`deal-card-${other.id}`);
    await card.waitFor();
    // Someone else edits it after the board was loaded.
    await apiAs(env(), SALES1).patch(`/api/deals/${other.id}`, { nextStep: 'Changed elsewhere', version: 1 });
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${other.id}/stage`));
    await drag(page, card, page.getByTestId('stage-column-quote'));
    expect((await answered).status()).toBe(409);
    await page.getByText('Someone else changed').waitFor();
    await page.getByTestId('stage-column-lead').getByTestId(`deal-card-${other.id}`).waitFor();
    expect((await apiAs(env(), SALES1).get<Deal>(`/api/deals/${other.id}`)).body.stageId).toBe('lead');
    await screenshot(page, 'deals-03-conflict');
  });

  it('dropping on Lost asks for the reason', async () => {
    const { page } = rep;
    const card = page.getByTestId('stage-column-lead').locator('[data-testid^="deal-card-"]').first();
    await drag(page, card, page.getByTestId('stage-column-lost'));
    await page.getByTestId('lost-reason').click();
    await page.locator('.ant-select-item-option').first().click();
    const answered = page.waitForResponse((r) => r.url().includes('/stage'));
    await page.getByTestId('lost-confirm').click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => count(page, 'lost')).toMatch(/^1 /);
  });

  it('the deal timeline reads as words: the amount in its currency, not minor units, and stages by name', async () => {
    const { page } = rep;
    await page.goto(`${env().baseUrl}/app/deals/${dealId}`);
    await page.getByTestId('deal-heading').waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const entries = page.getByTestId('timeline-entry');
    await entries.first().waitFor();
    const created = entries.filter({ hasText: 'created this record' });
    const changes = await texts(created.getByTestId('timeline-change'));
    // 12,500 typed in CNY is 1,250,000 fen on the wire; people read the yuan, grouped.
    expect(changes).toContain('Amount: CN¥12,500.00');
    expect(changes).toContain('Stage: Lead');
    expect(changes.join(' ')).not.toContain('1250000');
    expect(changes.some((c) => c.startsWith('stageId') || c.startsWith('pipelineId'))).toBe(false);
    const won = await texts(entries.getByTestId('timeline-change'));
    expect(won.some((c) => /^Status:\s*Open\s*→\s*changed to\s*Won$/.test(c))).toBe(true);
    expect(won.some((c) => /^Stage:\s*Negotiation\s*→\s*changed to\s*Won$/.test(c))).toBe(true);
    await screenshot(page, 'deals-06-timeline');
    expect(rep.errors).toEqual([]);
  });

  it("the deal list's filters are in the address: a reload shows the same filtered list", async () => {
    const { page } = rep;
    await page.goto(`${env().baseUrl}/app/deals?view=list`);
    await page.getByTestId('deal-table').waitFor();
    await page.getByTestId('deal-filter-stage').click();
    await openDropdown(page).locator('.ant-select-item-option[title="Won"]').click();
    await page.waitForURL((url) => url.searchParams.get('stage') === 'won');
    const rows = page.getByTestId('deal-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => texts(rows)).toEqual([expect.stringContaining(name)]);

    await page.reload();
    await page.getByTestId('deal-table').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('list');
    await expect.poll(() => page.getByTestId('deal-filter-stage').textContent()).toContain('Won');
    await expect.poll(() => texts(rows)).toEqual([expect.stringContaining(name)]);
    await screenshot(page, 'deals-07-list-filter-after-reload');

    await page.getByTestId('deal-filters-clear').click();
    await page.waitForURL((url) => !url.searchParams.has('stage'));
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(rep.errors).toEqual([]);
  });

  it("a manager sees the team's deal on the board; a rep of another team does not", async () => {
    const manager = await openSession(browser!, { viewport: { width: 1400, height: 900 } });
    try {
      await signIn(manager.page, env().baseUrl, MANAGER);
      await manager.page.goto(`${env().baseUrl}/app/deals`);
      await manager.page.getByTestId(`deal-card-${dealId}`).waitFor();
      await screenshot(manager.page, 'deals-04-manager-board');
    } finally {
      await manager.context.close();
    }
    const west = await openSession(browser!);
    try {
      await signIn(west.page, env().baseUrl, SALES2);
      await west.page.goto(`${env().baseUrl}/app/deals`);
      await west.page.getByTestId('stage-column-won').waitFor();
      expect(await west.page.getByTestId(`deal-card-${dealId}`).count()).toBe(0);
      expect(await count(west.page, 'won')).toMatch(/^0 /);
    } finally {
      await west.context.close();
    }
  });

  it('on a phone, the board is a stage picker and that stage’s cards', async () => {
    const phone = await openSession(browser!, { viewport: { width: 390, height: 844 } });
    try {
      await signIn(phone.page, env().baseUrl, SALES1);
      await phone.page.goto(`${env().baseUrl}/app/deals`);
      await phone.page.getByTestId('board-stage-picker').waitFor();
      await phone.page.getByTestId('board-stage-picker').click();
      await phone.page.locator('.ant-select-item-option[title^="Won"]').click();
      await phone.page.getByTestId(`deal-card-${dealId}`).waitFor();
      await screenshot(phone.page, 'deals-05-phone');
    } finally {
      await phone.context.close();
    }
  });
});
