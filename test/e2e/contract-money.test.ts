import dayjs from 'dayjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { aCompany } from '../support/fixtures.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  apiResponse,
  chooseOption,
  closeAll,
  openSession,
  pickOption,
  SALES1,
  type Session,
  screenshot,
  signIn,
  startBrowser,
} from './helpers.js';

/**
 * Money in a currency without decimals, through the console: a rep signs a ¥150,000 contract,
 * finance records a ¥50,000 payment, the rep renews it, and the renewal deal shows ¥150,000
 * (the console once sent yen × 100 and showed the deal as ¥15,000,000). The contract and the
 * deal are photographed.
 */
const FINANCE = 'finance@cirrus.local';

describe('money: a yen contract keeps its amount from the form to the renewal deal', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let rep: Session;
  const companyName = `Hoshino Logistics ${Date.now().toString(36)}`;
  let contractId = '';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const company = await apiAs(runtime, SALES1).post('/api/companies', aCompany({ name: companyName }));
    expect(company.status).toBe(201);
    browser = await startBrowser();
    rep = await openSession(browser);
    await signIn(rep.page, runtime.baseUrl, SALES1);
  });

  afterAll(async () => {
    await closeAll(
      () => rep?.context.close(),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('creates a ¥150,000 contract: the API gets 150000 yen and the page shows ¥150,000', async () => {
    const { page } = rep;
    await page.getByTestId('nav-contracts').click();
    await page.waitForURL((url) => url.pathname === '/app/contracts');
    await page.getByTestId('new-contract').click();
    await page.getByTestId('contract-title').fill('Warehouse robots maintenance');
    await chooseOption(page, 'contract-company', companyName.slice(0, 10), companyName);
    const dates = page.locator('.ant-modal .ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(dayjs().subtract(30, 'day').format('YYYY-MM-DD'));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(dayjs().add(335, 'day').format('YYYY-MM-DD'));
    await dates.nth(1).press('Enter');
    await pickOption(page, 'contract-currency', 'JPY');
    await page.locator('input[data-testid="contract-value"], [data-testid="contract-value"] input').fill('150000');

    const created = apiResponse(page, 'POST', /^\/api\/contracts$/);
    await page.getByTestId('contract-save').click();
    const res = await created;
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { id: string; value: number; currency: string };
    expect(body).toMatchObject({ value: 150_000, currency: 'JPY' });
    contractId = body.id;
    await page.waitForURL((url) => url.pathname === `/app/contracts/${contractId}`);
    expect(await page.getByTestId('contract-outstanding').textContent()).toBe('¥150,000');
    expect(rep.errors).toEqual([]);
  });

  it('lets finance record ¥50,000 in whole yen, leaving ¥100,000 outstanding', async () => {
    const finance = await openSession(browser!);
    try {
      const { page } = finance;
      await signIn(page, env().baseUrl, FINANCE);
      await page.goto(`${env().baseUrl}/app/contracts/${contractId}`);
      await page.getByTestId('contract-pay').click();
      const amount = page.locator('input[data-testid="payment-amount"], [data-testid="payment-amount"] input');
      // The form opens on the outstanding amount, in yen.
      await expect.poll(() => amount.inputValue()).toBe('150000');
      await amount.fill('50000');
      const paid = apiResponse(page, 'POST', /^\/api\/contracts\/[^/]+\/payments$/);
      await page.getByTestId('payment-save').click();
      const res = await paid;
      expect(res.status()).toBe(201);
      expect(await res.json()).toMatchObject({ paid: 50_000, outstanding: 100_000 });
      await expect.poll(() => page.getByTestId('contract-outstanding').textContent()).toBe('¥100,000');
      expect(finance.errors).toEqual([]);
    } finally {
      await finance.context.close();
    }
  });

  it('renews the contract into a deal of ¥150,000, not ¥15,000,000', async () => {
    const { page } = rep;
    await page.reload();
    await expect.poll(() => page.getByTestId('contract-outstanding').textContent()).toBe('¥100,000');
    await page.getByTestId('contract-renew').click();
    const confirm = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await confirm.waitFor();
    const renewed = apiResponse(page, 'POST', /^\/api\/contracts\/[^/]+\/renew$/);
    await confirm.locator('.ant-btn-primary').click();
    const res = await renewed;
    expect(res.status()).toBe(200);
    const { renewalDealId } = (await res.json()) as { renewalDealId: string };
    await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('Renewed');
    await screenshot(page, 'contract-money-01-renewed-contract');

    await page.getByRole('link', { name: 'Open the deal' }).click();
    await page.waitForURL((url) => url.pathname === `/app/deals/${renewalDealId}`);
    const amount = page.getByTestId('deal-amount');
    await expect.poll(() => amount.textContent()).toBe('¥150,000');
    expect(await page.getByTestId('deal-heading').textContent()).toBe('Warehouse robots maintenance renewal');
    await screenshot(page, 'contract-money-02-renewal-deal');
    expect(rep.errors).toEqual([]);
  });
});
