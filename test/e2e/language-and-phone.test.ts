import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  apiResponse,
  closeAll,
  fieldErrors,
  openDropdown,
  openSession,
  type Session,
  screenshot,
  screenshotViewport,
  signInToContacts,
  startBrowser,
  texts,
} from './helpers.js';

const WEB = resolve(import.meta.dirname, '../../dist/web');

/** The JS files an index.html of the build loads up front: its entry script and module preloads. */
function scriptsOf(indexHtml: string): Set<string> {
  const html = readFileSync(join(WEB, indexHtml), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? ''));
}

/** Chinese for the whole console (and Ant Design's own texts), a phone-sized console, and the portal. */
describe('language and phone: the console in Chinese, on a phone, and the portal on its own', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };
  const open = async (options?: Parameters<typeof openSession>[1]) => {
    if (!browser) throw new Error('the browser did not start');
    const session = await openSession(browser, options);
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ seed: { companies: 6, contacts: 30 } });
    browser = await startBrowser();
  });

  afterAll(async () => {
    await closeAll(
      ...sessions.map((session) => () => session.context.close()),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('switching to 中文 shows the console and Ant Design’s own texts in Chinese, and survives a reload', async () => {
    const session = await open();
    const { page } = session;
    await signInToContacts(session, env(), ADMIN);
    expect(await page.getByTestId('nav-contacts').textContent()).toBe('Contacts');
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('language-switch').getByTestId('language-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-contacts').textContent()).toBe('联系人');
    expect(await page.getByTestId('language-zh-CN').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('nav-companies').textContent()).toBe('公司');
    expect(await page.getByTestId('nav-custom-fields').textContent()).toBe('自定义字段');
    expect(await page.getByTestId('page-title').textContent()).toBe('联系人');
    expect(await page.getByTestId('new-contact').textContent()).toContain('新建联系人');
    expect(await page.getByTestId('sign-out').textContent()).toContain('退出登录');
    expect(await page.getByTestId('user-role').textContent()).toBe('管理员');
    expect(await page.getByTestId('shown-count').textContent()).toBe('已显示 25 条');
    expect(await page.getByTestId('contact-search').getAttribute('placeholder')).toBe('搜索姓名、邮箱或电话');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    // Ant Design's own text: a Select that finds nothing says so with antd's (Chinese) empty text.
    const owner = page.getByTestId('filter-owner');
    await owner.click();
    await owner.locator('input[role="combobox"]').pressSequentially('zzzz');
    await expect.poll(() => openDropdown(page).textContent()).toContain('暂无数据');
    await screenshot(page, 'language-01-zh-owner-filter-empty');
    await owner.locator('input[role="combobox"]').press('Escape');

    // Relative times follow the language too (dayjs): "… 前" rather than "… ago".
    const firstRow = page.getByTestId('contact-row').first();
    await expect.poll(() => firstRow.textContent()).toMatch(/前/);
    expect(await firstRow.textContent()).not.toMatch(/ago/);
    await screenshot(page, 'language-02-zh-contacts');

    const reloaded = apiResponse(page, 'GET', /^\/api\/contacts$/);
    await page.reload();
    await reloaded;
    await page.getByTestId('contact-row').first().waitFor();
    expect(await page.getByTestId('nav-contacts').textContent()).toBe('联系人');
    expect(await page.getByTestId('page-title').textContent()).toBe('联系人');
    expect(await page.getByTestId('language-zh-CN').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => window.localStorage.getItem('cirrus.lang'))).toBe('zh-CN');

    // A record page after the reload: tabs and the delete confirmation in Chinese.
    await page.getByTestId('contact-link').first().click();
    await page.getByTestId('tab-timeline').waitFor();
    expect(await page.getByTestId('tab-details').textContent()).toBe('详情');
    expect(await page.getByTestId('tab-timeline').textContent()).toBe('时间线');
    await page.getByTestId('delete').click();
    const confirm = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('将此联系人移入回收站？');
    // Ant Design spaces out two-character Chinese button labels: 取 消.
    await confirm.locator('button', { hasText: /^取\s?消$/ }).click();
    await confirm.waitFor({ state: 'hidden' });

    // An API refusal in Chinese: a new contact with a taken e-mail is answered 409
    // contact.email_taken, and the console shows that code's Chinese text, not the API's English.
    const existing = await apiAs(env(), ADMIN).get<Listed<{ email?: string }>>('/api/contacts?limit=25');
    const takenEmail = existing.body.items.find((contact) => contact.email)?.email;
    expect(takenEmail).toBeTruthy();
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('new-contact').click();
    await page.waitForURL((url) => url.pathname === '/app/contacts/new');
    await page.getByTestId('field-name').fill('重复 邮箱');
    await page.getByTestId('field-email').fill(takenEmail!);
    const refused = apiResponse(page, 'POST', /^\/api\/contacts$/);
    await page.getByTestId('save').click();
    const response = await refused;
    expect(response.status()).toBe(409);
    const body = (await response.json()) as {
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(body.error.code).toBe('contact.email_taken');
    expect(body.error.message).toMatch(/^Another contact already has this e-mail/);
    const alert = page.getByTestId('save-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('已有其他联系人使用此邮箱。');
    expect(await alert.textContent()).not.toContain('Another contact');
    // The field still carries the API's detail (which contact has the e-mail) where it belongs.
    await expect.poll(() => texts(fieldErrors(page, 'field-email'))).toEqual([body.error.fields.email]);
    await screenshot(page, 'language-03-zh-api-error');
    expect(session.errors).toEqual([]);
  });

  it('at phone width the contacts list is cards without sideways scrolling, and the menu button opens navigation', async () => {
    const session = await open({ viewport: { width: 390, height: 844 } });
    const { page } = session;
    await signInToContacts(session, env(), ADMIN);

    await page.getByTestId('contact-cards').waitFor();
    expect(await page.getByTestId('contact-table').count()).toBe(0);
    expect(await page.getByTestId('contact-row').count()).toBe(25);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);
    // Every card fits the screen, and its name links to the contact.
    const boxes = await page
      .getByTestId('contact-row')
      .evaluateAll((cards) =>
        cards.map((card) => card.getBoundingClientRect()).map((box) => ({ left: box.left, right: box.right })),
      );
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    expect(await page.getByTestId('contact-row').first().getByTestId('contact-link').isVisible()).toBe(true);
    // The side menu gives way to a menu button; the filters fold away behind a toggle.
    expect(await page.getByTestId('nav-contacts').count()).toBe(0);
    expect(await page.getByTestId('contact-filters').count()).toBe(0);
    await screenshotViewport(page, 'phone-01-contacts');

    await page.getByTestId('toggle-filters').click();
    await page.getByTestId('contact-filters').waitFor();
    expect(await width()).toBeLessThanOrEqual(390);
    await page.getByTestId('toggle-filters').click();
    await page.getByTestId('contact-filters').waitFor({ state: 'detached' });

    await page.getByTestId('nav-menu-button').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('nav-companies').waitFor();
    expect(await drawer.getByTestId('nav-contacts').isVisible()).toBe(true);
    expect(await drawer.getByTestId('user-name').textContent()).toBe('Avery Chen');
    // Fully slid in: the panel starts at the left edge and is 280 px wide.
    const panel = drawer.locator('.ant-drawer-content-wrapper');
    await expect.poll(async () => (await panel.boundingBox())?.x).toBe(0);
    expect((await panel.boundingBox())?.width).toBe(280);
    await screenshotViewport(page, 'phone-02-menu');

    await drawer.getByTestId('nav-companies').click();
    await page.waitForURL((url) => url.pathname === '/app/companies');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await page.getByTestId('company-cards').waitFor();
    expect(await page.getByTestId('company-row').count()).toBe(6);
    expect(await width()).toBeLessThanOrEqual(390);

    // A record page at phone width fits too.
    await page.getByTestId('company-link').first().click();
    await page.getByTestId('company-name').waitFor();
    expect(await width()).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-03-company');
    expect(session.errors).toEqual([]);
  });

  it('the portal shows “coming soon” and loads none of the console’s code', async () => {
    const session = await open();
    const { page } = session;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));

    await page.goto(`${env().baseUrl}/portal/`);
    await page.getByTestId('coming-soon').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('coming-soon').textContent()).toBe('Coming soon');
    await screenshot(page, 'portal-01-coming-soon');

    const portalScripts = scriptsOf('portal/index.html');
    const consoleScripts = scriptsOf('app/index.html');
    const allScripts = readdirSync(join(WEB, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `/assets/${file}`);
    // The console's own code: its entry and preloads, and every lazy chunk, minus what both share.
    const consoleOnly = allScripts.filter((file) => !portalScripts.has(file));
    expect(consoleOnly.length).toBeGreaterThan(10);
    for (const file of consoleScripts) if (!portalScripts.has(file)) expect(consoleOnly).toContain(file);

    const requestedScripts = requested.filter((path) => path.endsWith('.js'));
    expect(requestedScripts.some((path) => /^\/assets\/portal-[^/]+\.js$/.test(path))).toBe(true);
    expect(requestedScripts.filter((path) => consoleOnly.includes(path))).toEqual([]);
    expect(requestedScripts.every((path) => portalScripts.has(path))).toBe(true);
    // Nor does it ask for the console's configuration or the API.
    expect(requested.filter((path) => path === '/config.json' || path.startsWith('/api/'))).toEqual([]);

    // Its language switch works on its own, and the choice is shared with the console.
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('coming-soon').textContent()).not.toBe('Coming soon');
    expect(await page.evaluate(() => window.localStorage.getItem('cirrus.lang'))).toBe('zh-CN');
    expect(session.errors).toEqual([]);
  });
});
