import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  apiResponse,
  chooseOption,
  closeAll,
  openSession,
  type Session,
  screenshot,
  signIn,
  startBrowser,
} from './helpers.js';

/**
 * An admin sets up the business hours SLA clocks will run on: Shanghai, Mon–Fri 09:00–17:00 with
 * National Day off. An overlapping window is refused on its own field; the due preview answers
 * what the clocks compute; a support agent reads the calendar but cannot change it.
 */
describe('service desk settings: business calendars and SLA policies', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  const env = () => runtime!;

  beforeAll(async () => {
    runtime = await startTestRuntime();
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

  it('an admin creates a calendar; an overlapping window is named on its field until fixed', async () => {
    const { page } = session;
    await signIn(page, env().baseUrl, ADMIN);
    await page.getByTestId('nav-business-calendars').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/business-calendars');
    await page.getByTestId('new-calendar').click();
    await page.getByTestId('field-calendar-name').fill('Shanghai office');
    await chooseOption(page, 'field-calendar-zone', 'Asia/Shang', 'Asia/Shanghai');
    // The five default windows are Mon–Fri 09:00–18:00: close at 17:00 instead.
    const windows = page.getByTestId('calendar-window');
    expect(await windows.count()).toBe(5);
    for (let i = 0; i < 5; i++) await windows.nth(i).getByTestId('window-to').fill('17:00');
    // A Saturday window is added, then moved onto Monday over its morning: refused.
    await page.getByTestId('add-calendar-window').click();
    const sixth = windows.nth(5);
    await sixth.locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="Mon"]')
      .click();
    await sixth.getByTestId('window-from').fill('08:00');
    await sixth.getByTestId('window-to').fill('10:00');
    await page.getByTestId('add-calendar-holiday').click();
    await page.getByTestId('holiday-date').fill('2026-10-01');
    await page.getByTestId('holiday-name').fill('国庆节');
    await page.getByTestId('add-calendar-workday').click();
    await page.getByTestId('workday-date').fill('2026-10-10');

    const refused = apiResponse(page, 'POST', /^\/api\/business-calendars$/);
    await page.getByTestId('save').click();
    expect((await refused).status()).toBe(400);
    await expect
      .poll(() => sixth.locator('.ant-form-item-explain-error').textContent())
      .toContain('Overlaps mon 09:00–17:00');
    await screenshot(page, 'calendars-01-overlap-refused');

    await sixth.getByRole('button', { name: 'Remove' }).click();
    const saved = apiResponse(page, 'POST', /^\/api\/business-calendars$/);
    await page.getByTestId('save').click();
    expect((await saved).status()).toBe(201);
    const row = page.getByTestId('calendar-row').filter({ hasText: 'Shanghai office' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Mon–Fri 09:00–17:00');
    expect(await row.textContent()).toContain('1 holiday');
    expect(await row.textContent()).toContain('1 extra working day');
  });

  it('the due preview says when a ticket created Friday 17:30 is due: Monday 10:30', async () => {
    const { page } = session;
    await page.getByTestId('calendar-row').filter({ hasText: 'Shanghai office' }).getByTestId('edit-calendar').click();
    await page.getByTestId('preview-from').fill('2026-12-04T17:30');
    await page.getByTestId('preview-minutes').fill('90');
    const result = page.getByTestId('preview-result');
    await expect.poll(() => result.textContent()).toMatch(/Fri.*17:30.*would be due Mon.*10:30/);
    await screenshot(page, 'calendars-02-due-preview');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('an admin sets SLA policies on that calendar and puts the VIP one first', async () => {
    const { page } = session;
    await page.getByTestId('nav-sla-policies').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/sla-policies');
    const addPolicy = async (name: string, targets: Record<string, number>, tag?: string) => {
      await page.getByTestId('new-policy').click();
      await page.getByTestId('field-policy-name').fill(name);
      if (tag) {
        const tags = page
          .locator('.ant-form-item')
          .filter({ hasText: 'Any of these tags' })
          .locator('input[role="combobox"]');
        await tags.pressSequentially(tag);
        await tags.press('Enter');
        await tags.press('Escape');
      }
      await chooseOption(page, 'field-policy-calendar', 'Shanghai', 'Shanghai office (Asia/Shanghai)');
      for (const [field, minutes] of Object.entries(targets))
        await page.getByTestId(`target-${field}`).fill(String(minutes));
      const created = apiResponse(page, 'POST', /^\/api\/sla-policies$/);
      await page.getByTestId('save').click();
      expect((await created).status()).toBe(201);
      await page.getByTestId('policy-card').filter({ hasText: name }).waitFor();
    };
    await addPolicy('Standard', { 'normal-firstResponse': 240, 'normal-resolution': 2400 });
    await addPolicy('VIP customers', { 'urgent-firstResponse': 30, 'high-firstResponse': 60 }, 'vip');
    const names = () =>
      page.getByTestId('policy-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-policy-name')));
    expect(await names()).toEqual(['Standard', 'VIP customers']);
    const vip = page.getByTestId('policy-card').filter({ hasText: 'VIP customers' });
    expect(await vip.textContent()).toContain('#vip');
    expect(await vip.getByTestId('policy-target-table').textContent()).toContain('30 min');
    const moved = apiResponse(page, 'PATCH', /^\/api\/sla-policies\/.+$/);
    await vip.getByTestId('policy-up').click();
    expect((await moved).status()).toBe(200);
    await expect.poll(names).toEqual(['VIP customers', 'Standard']);
    await screenshot(page, 'calendars-03-sla-policies');
  });

  it('a support agent reads the calendars but has nothing to edit them with', async () => {
    const agent = await openSession(browser!);
    try {
      await signIn(agent.page, env().baseUrl, 'support@cirrus.local');
      await agent.page.getByTestId('nav-business-calendars').click();
      await agent.page.getByTestId('calendar-row').filter({ hasText: 'Shanghai office' }).waitFor();
      expect(await agent.page.getByTestId('new-calendar').count()).toBe(0);
      expect(await agent.page.getByTestId('edit-calendar').count()).toBe(0);
      await agent.page.getByTestId('nav-sla-policies').click();
      await agent.page.getByTestId('policy-card').first().waitFor();
      expect(await agent.page.getByTestId('new-policy').count()).toBe(0);
      expect(await agent.page.getByTestId('edit-policy').count()).toBe(0);
      expect(agent.errors).toEqual([]);
    } finally {
      await agent.context.close();
    }
  });
});
