import dayjs from 'dayjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { daysBefore } from '../../shared/domain/notifications/reminder-times.js';
import { aDeal } from '../support/deal-fixtures.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  apiResponse,
  closeAll,
  openSession,
  SALES1,
  SALES2,
  type Session,
  screenshot,
  signIn,
  startBrowser,
} from './helpers.js';

/**
 * The rep's home page beyond tasks: their open deals by stage and the contracts ending soon
 * (another rep's never show), and a task added from a deal's page that shows on Home and leaves
 * the deal's panel once completed; Home at phone width.
 */
describe('home: a rep sees their deals by stage and an expiring contract, and plans a task from a deal', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  const tag = Date.now().toString(36);
  const dealName = `Harbour cranes ${tag}`;
  const contractTitle = `Crane maintenance ${tag}`;
  const foreignContract = `West warehouse lease ${tag}`;
  const taskTitle = `Confirm the crane specs ${tag}`;
  let dealId = '';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };
  const inDays = (n: number) => daysBefore(new Date().toISOString().slice(0, 10), -n);

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const rep = apiAs(runtime, SALES1);
    const other = apiAs(runtime, SALES2);
    const company = await rep.post<{ id: string }>('/api/companies', aCompany());
    const deal = await rep.post<{ id: string }>('/api/deals', aDeal({ name: dealName, amount: 12_500_000 }));
    dealId = deal.body.id;
    await rep.post('/api/deals', aDeal({ amount: 3_000_000 }));
    await rep.post('/api/deals', aDeal({ amount: 880_000, currency: 'USD', stageId: 'quote' }));
    await other.post('/api/deals', aDeal({ amount: 99_000_000, stageId: 'negotiation' }));
    const contract = await rep.post('/api/contracts', {
      title: contractTitle,
      companyId: company.body.id,
      startDate: inDays(-355),
      endDate: inDays(10),
      value: 4_800_000,
      currency: 'CNY',
    });
    expect(contract.status).toBe(201);
    const otherCompany = await other.post<{ id: string }>('/api/companies', aCompany());
    await other.post('/api/contracts', {
      title: foreignContract,
      companyId: otherCompany.body.id,
      startDate: inDays(-100),
      endDate: inDays(4),
      value: 100_000,
      currency: 'CNY',
    });
    browser = await startBrowser();
    session = await openSession(browser);
    await signIn(session.page, runtime.baseUrl, SALES1);
  });

  afterAll(async () => {
    await closeAll(
      () => session?.context.close(),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('shows my open deals by stage and my contract ending in 10 days, nobody else’s', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/`);
    const deals = page.getByTestId('home-deals');
    await deals.getByTestId('home-deal-stage').first().waitFor();
    const stages = await deals
      .getByTestId('home-deal-stage')
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-stage-id'), n.getAttribute('data-count')]));
    expect(stages).toEqual([
      ['lead', '2'],
      ['intention', '0'],
      ['quote', '1'],
      ['negotiation', '0'],
    ]);
    const lead = deals.locator('[data-stage-id="lead"]');
    expect(await lead.textContent()).toContain('Lead');
    expect(await lead.textContent()).toContain('2 deals');
    expect(await lead.textContent()).toContain('155,000');
    expect(await deals.locator('[data-stage-id="quote"]').textContent()).toContain('$8,800');

    const contracts = page.getByTestId('home-contracts');
    const row = contracts.getByTestId('home-contract').filter({ hasText: contractTitle });
    await row.waitFor();
    expect(await row.textContent()).toContain('in 10 days');
    expect(await contracts.textContent()).not.toContain(foreignContract);
    await screenshot(page, 'home-01-desktop');

    await row.getByRole('link', { name: contractTitle }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/app/contracts/'));
    await page.getByText(contractTitle).first().waitFor();
    await page.goBack();
    await page.getByTestId('home-deals').getByRole('link', { name: 'Open board' }).click();
    await page.waitForURL((url) => url.pathname === '/app/deals');
    expect(session.errors).toEqual([]);
  });

  it('adds a task from a deal page, sees it on Home, and completes it from the deal', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/deals/${dealId}`);
    const panel = page.getByTestId('record-tasks');
    await panel.getByTestId('record-task-list-empty').waitFor();
    await panel.getByTestId('record-task-add').click();
    await page.getByTestId('task-title-input').fill(taskTitle);
    const due = dayjs().hour(23).minute(55);
    const input = page.locator('input[data-testid="task-due-input"], [data-testid="task-due-input"] input');
    await input.click();
    await input.fill(due.format('YYYY-MM-DD HH:mm'));
    await input.press('Enter');
    const created = apiResponse(page, 'POST', /^\/api\/tasks$/);
    await page.getByTestId('task-save').click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    expect(((await answer.json()) as { related?: { entity: string; id: string } }).related).toMatchObject({
      entity: 'deal',
      id: dealId,
    });
    await panel.getByTestId('task-row').filter({ hasText: taskTitle }).waitFor();
    expect(await panel.getByTestId('record-tasks-count').textContent()).toBe('1');
    await screenshot(page, 'home-02-deal-tasks');

    await page.getByTestId('nav-home').click();
    const onHome = page.getByTestId('home-today-list').getByTestId('task-row').filter({ hasText: taskTitle });
    await onHome.waitFor();
    expect(await onHome.textContent()).toContain(dealName);

    await onHome.getByRole('link', { name: dealName }).click();
    await page.waitForURL((url) => url.pathname === `/app/deals/${dealId}`);
    const row = page.getByTestId('record-tasks').getByTestId('task-row').filter({ hasText: taskTitle });
    const completed = apiResponse(page, 'POST', /^\/api\/tasks\/[^/]+\/complete$/);
    await row.getByTestId('task-complete').click();
    expect((await completed).status()).toBe(200);
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('record-tasks').getByTestId('record-task-list-empty').waitFor();
    expect(session.errors).toEqual([]);
  });

  it("shows a contact's open tasks beside its details, without the record's own name on each", async () => {
    const { page } = session;
    const rep = apiAs(env(), SALES1);
    const contact = await rep.post<{ id: string; name: string }>('/api/contacts', aContact());
    await rep.post('/api/tasks', {
      title: `Send the brochure ${tag}`,
      dueAt: dayjs().add(2, 'day').toISOString(),
      priority: 'high',
      related: { entity: 'contact', id: contact.body.id },
    });
    await page.goto(`${env().baseUrl}/app/contacts/${contact.body.id}`);
    const row = page
      .getByTestId('record-tasks')
      .getByTestId('task-row')
      .filter({ hasText: `Send the brochure ${tag}` });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(contact.body.name);
    await screenshot(page, 'home-05-contact-tasks');
    expect(session.errors).toEqual([]);
  });

  it('shows Home at phone width in Chinese without sideways scrolling', async () => {
    const phone = await openSession(browser!, { viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      await signIn(phone.page, env().baseUrl, SALES1);
      await phone.page.goto(`${env().baseUrl}/app/`);
      await phone.page.getByTestId('home-contract').first().waitFor();
      await phone.page.getByTestId('home-deal-stage').first().waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      // The pipeline's own Chinese stage labels, and the days left in Chinese.
      expect(await phone.page.locator('[data-stage-id="lead"]').textContent()).toContain('线索');
      expect(await phone.page.getByTestId('home-contract').filter({ hasText: contractTitle }).textContent()).toContain(
        '10 天后',
      );
      await screenshot(phone.page, 'home-03-phone');
      await phone.page.goto(`${env().baseUrl}/app/deals/${dealId}`);
      await phone.page.getByTestId('record-tasks').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone.page, 'home-04-deal-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
