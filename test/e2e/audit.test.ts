import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  apiResponse,
  type ContactBody,
  closeAll,
  openDropdown,
  openSession,
  SALES1,
  type Session,
  screenshot,
  screenshotViewport,
  signIn,
  staffName,
  startBrowser,
  texts,
} from './helpers.js';

const SYSADMIN = 'sysadmin@cirrus.local';

/** Picks an option of an Ant Design Select that has no search box. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await openDropdown(page).locator(`.ant-select-item-option[title="${label}"]`).click();
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(label);
}

/**
 * A sysadmin audits an admin's edit: the admin changes a contact's job title in the console; the
 * sysadmin (who edits no customers) opens the audit log, narrows it to that contact, reads the
 * before and after, and exports what they see as CSV.
 */
describe('audit log: a sysadmin finds the change an admin just made', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  const contact = { name: 'Ottoline Brackwater-Audit', title: 'Auditor', newTitle: 'Chief Audit Officer', id: '' };

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };
  const open = async (options?: Parameters<typeof openSession>[1]) => {
    const session = await openSession(browser!, options);
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ seed: { companies: 3, contacts: 8 } });
    const created = await apiAs(runtime, ADMIN).post<ContactBody>('/api/contacts', {
      name: contact.name,
      title: contact.title,
    });
    expect(created.status).toBe(201);
    contact.id = created.body.id;
    browser = await startBrowser();
  });

  afterAll(async () => {
    await closeAll(
      ...sessions.map((s) => () => s.context.close()),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('admin edits the contact’s job title in the console', async () => {
    const session = await open();
    const { page } = session;
    await signIn(page, env().baseUrl, ADMIN);
    await page.waitForURL((url) => url.pathname === '/app/contacts');
    // The admin's console offers the audit log too.
    await page.getByTestId('nav-audit').waitFor();

    await page.goto(`${env().baseUrl}/app/contacts/${contact.id}/edit`);
    const title = page.getByTestId('field-title');
    await expect.poll(() => title.inputValue()).toBe(contact.title);
    await title.fill(contact.newTitle);
    const saved = apiResponse(page, 'PATCH', new RegExp(`/api/contacts/${contact.id}$`));
    await page.getByTestId('save').click();
    expect((await saved).status()).toBe(200);
    await page.waitForURL((url) => url.pathname === `/app/contacts/${contact.id}`);
    expect(session.errors).toEqual([]);
  });

  it('admin opens the API reference from the menu and finds the contact routes with their permission', async () => {
    const session = sessions[0]!;
    const { page } = session;
    const document = apiResponse(page, 'GET', /\/api\/openapi\.json$/);
    await page.getByTestId('nav-api-reference').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/api');
    expect((await document).status()).toBe(200);
    expect(await page.getByTestId('page-title').textContent()).toBe('API reference');

    // Scalar renders the document (the first context's section at once, the others as one scrolls).
    const reference = page.getByTestId('api-reference');
    await reference.getByText('PATCH /api/contacts/{id}').first().waitFor();
    await reference.getByText('Requires the contacts:read permission (staff token).').first().waitFor();
    // Only our own origin: no Ask-AI agent, no hosted developer tools.
    expect(await reference.getByText('Ask AI').count()).toBe(0);
    expect(await reference.getByText('Developer Tools').count()).toBe(0);
    // The page is tens of thousands of pixels long: the first screen is what a reader sees.
    await screenshotViewport(page, 'api-reference-01');
    expect(session.errors).toEqual([]);
  });

  it('sysadmin opens the audit log from the menu, filters by entity and record, and reads the diff', async () => {
    const session = await open();
    const { page } = session;
    await signIn(page, env().baseUrl, SYSADMIN);
    await page.waitForURL((url) => url.pathname === '/app/contacts');
    // A sysadmin edits no customers and manages no fields, yet audits everything.
    expect(await page.getByTestId('nav-custom-fields').count()).toBe(0);

    await page.getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/audit');
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Audit log');
    // Demo data and the edit: newest first, so the admin's edit is on top.
    const top = page.getByTestId('audit-row').first();
    expect(await top.getByTestId('audit-record').textContent()).toBe(contact.name);
    await screenshot(page, 'audit-01-log');

    await pick(page, 'audit-filter-entity', 'Contact');
    const filtered = apiResponse(page, 'GET', /\/api\/audit$/, (q) => q.get('entityId') === contact.id);
    await page.getByTestId('audit-filter-record').locator('input').fill(contact.id);
    await page.getByTestId('audit-filter-record').locator('input').press('Enter');
    expect((await filtered).status()).toBe(200);
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('entityId')).toBe(contact.id);
    expect(await texts(page.getByTestId('audit-action'))).toEqual(['Updated', 'Created']);
    expect(await texts(page.getByTestId('audit-actor'))).toEqual([staffName(ADMIN), staffName(ADMIN)]);

    const edit = page.getByTestId('audit-row').first();
    await edit.getByTestId('audit-expand').click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const change = diff.getByTestId('audit-change');
    expect(await change.count()).toBe(1);
    expect(await change.getByTestId('audit-change-field').textContent()).toBe('Job title');
    expect(await change.getByTestId('audit-change-before').textContent()).toBe(contact.title);
    expect(await change.getByTestId('audit-change-after').textContent()).toBe(contact.newTitle);
    await screenshot(page, 'audit-02-diff');

    // One more filter narrows to the edit alone.
    await pick(page, 'audit-filter-action', 'Updated');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('sysadmin exports the filtered log as a CSV file', async () => {
    const { page } = sessions[1]!;
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await download;

    expect(file.suggestedFilename()).toMatch(/^cirrus-audit-log-\d{8}T\d{6}Z\.csv$/);
    const csv = (await readFile(await file.path())).toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Time (UTC),Actor ID,Actor,Entity,Record ID,Record,Action,Field,Before,After');
    // The same filters as on screen: the one edit, one changed field.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${contact.id},${contact.name},updated,title,${contact.title},${contact.newTitle}`);
    await page.locator('.ant-message-notice').filter({ hasText: 'Exported 1 rows' }).waitFor();
  });

  it('at phone width, in Chinese, the log fits the screen and a row still opens to its diff', async () => {
    const session = await open({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const { page } = session;
    await signIn(page, env().baseUrl, SYSADMIN);
    await page.waitForURL((url) => url.pathname === '/app/contacts');

    await page.getByTestId('nav-menu-button').click();
    await page.locator('.ant-drawer-open').getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/audit');
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('审计日志');
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);
    // The filters fold away behind a button, leaving the screen to the log.
    expect(await page.getByTestId('audit-filters').count()).toBe(0);
    await page.getByTestId('toggle-filters').click();
    await page.getByTestId('audit-filter-entity').waitFor();
    expect(await width()).toBeLessThanOrEqual(390);

    await page.getByTestId('audit-row').first().getByTestId('audit-expand').click();
    await page.getByTestId('audit-diff').waitFor();
    expect(await page.getByTestId('audit-change-field').first().textContent()).toBe('职位');
    expect(await width()).toBeLessThanOrEqual(390);
    await screenshotViewport(page, 'audit-03-phone-zh');
    expect(session.errors).toEqual([]);
  });

  it('a sales rep is not offered the audit log, and its address says so', async () => {
    const session = await open();
    const { page } = session;
    await signIn(page, env().baseUrl, SALES1);
    await page.waitForURL((url) => url.pathname === '/app/contacts');
    await page.getByTestId('nav-contacts').waitFor();
    expect(await page.getByTestId('nav-audit').count()).toBe(0);

    await page.goto(`${env().baseUrl}/app/settings/audit`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('audit-row').count()).toBe(0);
  });
});
