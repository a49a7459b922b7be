import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { putDeal } from '../support/deals-fixture.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  apiResponse,
  chooseOption,
  closeAll,
  openSession,
  SALES1,
  type Session,
  screenshot,
  signIn,
  staffId,
  startBrowser,
} from './helpers.js';

/** An Ant Design InputNumber's input, whether the test id sits on the input or on its wrapper. */
const numberInput = (page: Page, testId: string, index: number) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).nth(index);

/** A sales rep builds a quote on their deal from the price list, downloads its PDF, sends it and records the answer. */
describe('quotes: a rep quotes a deal', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  let dealId = '';
  let quotePath = '';
  const product = { name: 'Cirrus Cloud Suite', sku: `E2E-${Date.now().toString(36).toUpperCase()}` };

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const created = await apiAs(runtime, ADMIN).post('/api/products', {
      ...product,
      nameZh: '卷云云套件',
      unitPrice: 1_200_00,
      currency: 'USD',
      taxRate: 10_00,
    });
    expect(created.status).toBe(201);
    dealId = (await putDeal({ ownerId: staffId(SALES1), currency: 'USD', name: 'Northwind rollout' })).id;
    browser = await startBrowser();
    session = await openSession(browser);
  });

  afterAll(async () => {
    await closeAll(
      () => session?.context.close(),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('builds a quote with live totals, downloads its PDF and marks it sent, then accepted', async () => {
    const { page } = session;
    const env = runtime!;
    await signIn(page, env.baseUrl, SALES1);
    await page.goto(`${env.baseUrl}/app/deals/${dealId}/quotes`);
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('new-quote').click();
    await page.waitForURL(/\/app\/quotes\//);
    await expect.poll(() => page.getByTestId('quote-number').textContent()).toMatch(/^Q-\d{4}-0001$/);

    await page.getByTestId('add-line').click();
    await chooseOption(page, 'line-product', 'Cirrus', `${product.name} · ${product.sku}`);
    await expect.poll(() => page.getByTestId('line-description').inputValue()).toBe(product.name);
    await numberInput(page, 'line-quantity', 0).fill('2.5');
    await page.getByTestId('add-line').click();
    await page.getByTestId('line-description').nth(1).fill('Onboarding workshop');
    await numberInput(page, 'line-price', 1).fill('800');
    // 2.5 × 1,200 + 800 = 3,800; tax 10 % of 3,000 = 300 → 4,100.00
    await expect.poll(() => page.getByTestId('quote-total').textContent()).toBe('$4,100.00');

    const saved = apiResponse(page, 'PATCH', /\/api\/quotes\//);
    await page.getByTestId('save-quote').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('quote-total').textContent()).toBe('$4,100.00');
    // The editor starts again from what the server saved: both lines, the same totals.
    quotePath = new URL(page.url()).pathname;
    await page.reload();
    await expect.poll(() => page.getByTestId('quote-line').count()).toBe(2);
    expect(await page.getByTestId('line-description').nth(1).inputValue()).toBe('Onboarding workshop');
    await expect.poll(() => page.getByTestId('quote-total').textContent()).toBe('$4,100.00');
    await screenshot(page, 'quote-editor');

    const download = page.waitForEvent('download');
    await page.getByTestId('download-pdf').click();
    const file = await (await download).path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await download).suggestedFilename()).toMatch(/^Q-\d{4}-0001\.pdf$/);

    await page.getByTestId('mark-sent').click();
    await expect.poll(() => page.getByTestId('quote-status').textContent()).toBe('Sent');
    await page.getByTestId('mark-accepted').click();
    await expect.poll(() => page.getByTestId('quote-status').textContent()).toBe('Accepted');
    await screenshot(page, 'quote-accepted');

    await page.goto(`${env.baseUrl}/app/deals/${dealId}/quotes`);
    await page.getByTestId('quote-row').first().waitFor();
    expect(await page.getByTestId('quote-row').count()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it("a support agent opening a quote's address is told the role does not allow it, and nothing is fetched", async () => {
    const support = await openSession(browser!);
    try {
      const quoteCalls: string[] = [];
      support.page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/quotes')) quoteCalls.push(request.url());
      });
      await signIn(support.page, runtime!.baseUrl, 'support@cirrus.local');
      await support.page.goto(`${runtime!.baseUrl}${quotePath}`);
      await support.page.getByTestId('forbidden').waitFor();
      expect(await support.page.getByTestId('forbidden').textContent()).toContain('Your role does not allow this.');
      expect(await support.page.getByTestId('nav-deals').count()).toBe(0);
      expect(quoteCalls).toEqual([]);
      expect(support.errors).toEqual([]);
    } finally {
      await support.context.close();
    }
  });

  it('shows the price list to an admin, at phone width too', async () => {
    const phone = await openSession(browser!, { viewport: { width: 390, height: 844 } });
    try {
      await signIn(phone.page, runtime!.baseUrl, ADMIN);
      await phone.page.goto(`${runtime!.baseUrl}/app/settings/products`);
      await phone.page.locator(`[data-testid="product-row"][data-sku="${product.sku}"]`).waitFor();
      await screenshot(phone.page, 'products-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
