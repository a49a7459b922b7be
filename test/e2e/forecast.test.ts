import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { addMonths, currentMonth } from '../../shared/domain/forecast/period.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  closeAll,
  openSession,
  SALES1,
  SALES2,
  type Session,
  screenshot,
  screenshotViewport,
  signIn,
  staffId,
  startBrowser,
} from './helpers.js';

const MANAGER = 'manager@cirrus.local';
const THIS_MONTH = currentMonth(new Date());

/**
 * The sales dashboard and the forecast in a real browser: a manager sees the charts of their
 * team (canvas drawn by ECharts), attainment moves when a deal is won through the API, a phone
 * shows the same, and a sales rep is offered neither the dashboard nor the quota editor.
 */
describe('forecast and the sales dashboard', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  let quoteDeal: { id: string; version: number };

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };
  const session = async (viewport?: { width: number; height: number }) => {
    const s = await openSession(browser!, viewport ? { viewport } : {});
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const sales1 = apiAs(runtime, SALES1);
    const deal = async (api: typeof sales1, body: Record<string, unknown>) => {
      const res = await api.post<{ id: string; version: number }>('/api/deals', {
        currency: 'USD',
        expectedCloseDate: `${THIS_MONTH}-20`,
        ...body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    quoteDeal = await deal(sales1, { name: 'Harbour cranes', amount: 1_000_000, stageId: 'quote' });
    await deal(sales1, { name: 'Dockside sensors', amount: 450_000, stageId: 'negotiation' });
    await deal(sales1, {
      name: 'Pilot next month',
      amount: 200_000,
      stageId: 'lead',
      expectedCloseDate: `${addMonths(THIS_MONTH, 1)}-03`,
    });
    await deal(apiAs(runtime, SALES2), { name: 'West coast fleet', amount: 700_000, stageId: 'intention' });
    const quotas = await fetch(`${runtime.baseUrl}/api/quotas`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await runtime.token(ADMIN)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        quotas: [
          { userId: staffId(SALES1), month: THIS_MONTH, amount: 4_000_000, currency: 'USD' },
          { userId: staffId(SALES2), month: THIS_MONTH, amount: 3_000_000, currency: 'USD' },
        ],
      }),
    });
    expect(quotas.status).toBe(200);
    browser = await startBrowser();
  });

  afterAll(async () => {
    await closeAll(
      ...sessions.map((s) => () => s.context.close()),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('shows a manager the dashboard with its charts drawn, for their team only', async () => {
    const { page, errors } = await session();
    await signIn(page, env().baseUrl, MANAGER);
    await page.getByTestId('nav-sales-dashboard').click();
    await page.waitForURL((url) => url.pathname === '/app/dashboard/sales');
    for (const chart of ['chart-funnel', 'chart-forecast', 'chart-win-rate']) {
      await page.locator(`[data-testid="${chart}"] canvas`).first().waitFor();
    }
    await expect.poll(() => page.getByTestId('closing-deal').count()).toBe(2);
    const closing = await page.getByTestId('closing-deal').allTextContents();
    expect(closing.join('\n')).toContain('Harbour cranes');
    expect(closing.join('\n')).not.toContain('West coast fleet');
    expect(await page.getByTestId('headline-attainment').first().textContent()).toBe('0%');
    await page.waitForTimeout(600); // let the charts finish their entry animation before the picture
    await screenshot(page, 'forecast-dashboard-desktop');
    expect(errors).toEqual([]);
  });

  it('moves attainment on the forecast page after a deal is closed won through the API', async () => {
    const { page, errors } = await session();
    await signIn(page, env().baseUrl, MANAGER);
    await page.getByTestId('nav-forecast').click();
    await page.waitForURL((url) => url.pathname === '/app/forecast');
    const row = page.locator(`[data-testid="forecast-row"][data-key="${staffId(SALES1)}"]`);
    await expect.poll(() => row.getByTestId('attainment').textContent()).toBe('0%');

    const won = await apiAs(env(), SALES1).post(`/api/deals/${quoteDeal.id}/stage`, {
      stageId: 'won',
      version: quoteDeal.version,
    });
    expect(won.status).toBe(200);
    await page.reload();
    // 10,000.00 won of a 40,000.00 quota.
    await expect.poll(() => row.getByTestId('attainment').textContent()).toBe('25%');
    expect(await page.locator('[data-testid="forecast-row"]').count()).toBe(1);

    await page.getByTestId('period-kind').getByText('Quarter').click();
    await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'forecast-quarter-desktop');
    expect(errors).toEqual([]);
  });

  it('fits the dashboard and the forecast on a phone', async () => {
    const { page, errors } = await session({ width: 390, height: 844 });
    await signIn(page, env().baseUrl, ADMIN);
    await page.goto(`${env().baseUrl}/app/dashboard/sales`);
    await page.locator('[data-testid="chart-funnel"] canvas').first().waitFor();
    await page.locator('[data-testid="chart-top-reps"] canvas').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.waitForTimeout(600);
    await screenshot(page, 'forecast-dashboard-phone');
    await page.goto(`${env().baseUrl}/app/forecast?period=${THIS_MONTH}&by=owner`);
    await page.getByTestId('forecast-row').first().waitFor();
    expect(await page.getByTestId('forecast-row').count()).toBe(2);
    await screenshotViewport(page, 'forecast-phone');
    expect(errors).toEqual([]);
  });

  it('offers a sales rep the forecast but neither the dashboard nor the quota editor', async () => {
    const { page } = await session();
    await signIn(page, env().baseUrl, SALES2);
    await page.getByTestId('nav-forecast').waitFor();
    expect(await page.getByTestId('nav-sales-dashboard').count()).toBe(0);
    expect(await page.getByTestId('nav-quotas').count()).toBe(0);
    await page.goto(`${env().baseUrl}/app/dashboard/sales`);
    await page.getByTestId('forbidden').waitFor();
  });

  it('lets a manager set a team member’s quota in the editor', async () => {
    const { page, errors } = await session();
    await signIn(page, env().baseUrl, MANAGER);
    await page.getByTestId('nav-quotas').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/quotas');
    const cell = page.locator(
      `[data-testid="quota-cell"][data-user-id="${staffId(SALES1)}"][data-month="${THIS_MONTH}"]`,
    );
    await cell.fill('50000');
    await page.getByTestId('save-quotas').click();
    await expect
      .poll(async () => {
        const res = await apiAs(env(), ADMIN).get<{ items: { userId: string; amount: number }[] }>(
          `/api/quotas?period=${THIS_MONTH}`,
        );
        return res.body.items.find((q) => q.userId === staffId(SALES1))?.amount;
      })
      .toBe(5_000_000);
    expect(await page.locator('[data-testid="quota-row"]').count()).toBe(2);
    await screenshot(page, 'forecast-quotas-desktop');
    expect(errors).toEqual([]);
  });
});
