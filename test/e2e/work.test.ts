import dayjs from 'dayjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { aContact } from '../support/fixtures.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  apiResponse,
  closeAll,
  openSession,
  SALES1,
  type Session,
  screenshot,
  signIn,
  startBrowser,
} from './helpers.js';

/**
 * A rep's day with tasks and activities, in one signed-in tab: log a call on a contact and see
 * it in the timeline beside the changes, create a task due today from the home page, find it
 * in My tasks and complete it; the home page at desktop and phone width.
 */
describe('work: a rep logs a call, plans a task for today and completes it', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  let contactId = '';
  const contactName = `Ottoline Brandvik ${Date.now().toString(36)}`;
  const taskTitle = 'Send Ottoline the renewal quote';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const rep = apiAs(runtime, SALES1);
    const contact = await rep.post<{ id: string; version: number }>('/api/contacts', aContact({ name: contactName }));
    contactId = contact.body.id;
    await rep.patch(`/api/contacts/${contactId}`, { title: 'Head of Procurement', version: contact.body.version });
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

  it('logs a call on a contact and sees it in the timeline with the changes', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/contacts/${contactId}`);
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline').waitFor();
    await page.getByTestId('log-activity').click();
    await page.getByTestId('activity-kind-call').click();
    await page.getByTestId('activity-subject-input').fill('Discussed the renewal');
    await page.getByTestId('activity-body-input').fill('Wants a 2-year term.\nSend the quote by Friday.');
    await page
      .locator('input[data-testid="activity-duration-input"], [data-testid="activity-duration-input"] input')
      .fill('20');
    const logged = apiResponse(page, 'POST', /^\/api\/activities$/);
    await page.getByTestId('log-activity-save').click();
    expect((await logged).status()).toBe(201);

    const activity = page.getByTestId('timeline-activity').filter({ hasText: 'Discussed the renewal' });
    await activity.waitFor();
    expect(await activity.getAttribute('data-kind')).toBe('call');
    expect(await activity.textContent()).toContain('20 min');
    // The call (newest) comes first, then the edit and the creation of the contact.
    const order = await page
      .locator('[data-testid="timeline-activity"], [data-testid="timeline-entry"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(order).toEqual(['timeline-activity', 'timeline-entry', 'timeline-entry']);
    await screenshot(page, 'work-01-contact-timeline');
    expect(session.errors).toEqual([]);
  });

  it('creates a task due today from the home page and sees it there', async () => {
    const { page } = session;
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home').waitFor();
    expect(await page.getByTestId('home-activity').textContent()).toContain('Discussed the renewal');
    await page.getByTestId('home-new-task').click();
    await page.getByTestId('task-title-input').fill(taskTitle);
    // Due late today in the browser's zone, typed as the picker shows it.
    const due = dayjs().hour(23).minute(55);
    const input = page.locator('input[data-testid="task-due-input"], [data-testid="task-due-input"] input');
    await input.click();
    await input.fill(due.format('YYYY-MM-DD HH:mm'));
    await input.press('Enter');
    const created = apiResponse(page, 'POST', /^\/api\/tasks$/);
    await page.getByTestId('task-save').click();
    expect((await created).status()).toBe(201);
    await page.getByTestId('home-today-list').getByTestId('task-row').filter({ hasText: taskTitle }).waitFor();
    await screenshot(page, 'work-02-home-desktop');
  });

  it('finds the task in My tasks and completes it', async () => {
    const { page } = session;
    await page.getByTestId('nav-tasks').click();
    await page.waitForURL((url) => url.pathname === '/app/tasks');
    const row = page.getByTestId('task-row').filter({ hasText: taskTitle });
    await row.waitFor();
    const completed = apiResponse(page, 'POST', /^\/api\/tasks\/[^/]+\/complete$/);
    await row.getByTestId('task-complete').click();
    expect((await completed).status()).toBe(200);
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('task-view-done').click();
    await page.getByTestId('task-row').filter({ hasText: taskTitle }).waitFor();
    await screenshot(page, 'work-03-tasks-done');

    // Home shows its cached day at once and refetches it: the completed task leaves it.
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home').waitFor();
    await page
      .getByTestId('home-today')
      .getByTestId('task-row')
      .filter({ hasText: taskTitle })
      .waitFor({ state: 'detached' });
    expect(await page.getByTestId('home-today').textContent()).not.toContain(taskTitle);
    expect(session.errors).toEqual([]);
  });

  it('shows the home page at phone width', async () => {
    const phone = await openSession(browser!, { viewport: { width: 390, height: 844 } });
    try {
      await apiAs(env(), SALES1).post('/api/tasks', {
        title: 'Call back about the invoice',
        dueAt: dayjs().subtract(1, 'day').toISOString(),
        priority: 'urgent',
      });
      await signIn(phone.page, env().baseUrl, SALES1);
      await phone.page.goto(`${env().baseUrl}/app/`);
      await phone.page.getByTestId('home-overdue-list').waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(phone.page, 'work-04-home-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
