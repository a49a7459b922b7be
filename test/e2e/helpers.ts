import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';

import { signIn } from '../support/browser.js';

/** Shared steps of the end-to-end journeys; launching, sign-in and screenshots come from test/support. */
export { launchBrowser as startBrowser, screenshot, signIn } from '../support/browser.js';

/** What the screen shows now (a full-page shot of a phone list is too tall to look at). */
export async function screenshotViewport(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('test-results', `${name}.png`) });
}

export const ADMIN = 'admin@cirrus.local';
export const SALES1 = 'sales1@cirrus.local';
export const SALES2 = 'sales2@cirrus.local';

export function staffId(email: string): string {
  const user = STAFF_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a seeded user`);
  return user.id;
}

export function staffName(email: string): string {
  const user = STAFF_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a seeded user`);
  return user.name;
}

/** What the tests read of a contact in API answers. */
export interface ContactBody {
  id: string;
  name: string;
  ownerId: string;
  email?: string;
  phone?: string;
  title?: string;
  tags: string[];
  companyId?: string;
  companyName?: string;
  deletedAt?: string;
  address?: { country?: string };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions of the page (a crashed render shows up here). */
  errors: string[];
}

/** A fresh browser context (own cookies and storage) with one page, in English unless told otherwise. */
export async function openSession(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: options.locale ?? 'en-US',
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in through the provider's page and waits for the contacts list to show its first rows. */
export async function signInToContacts(session: Session, runtime: Runtime, email: string): Promise<void> {
  await signIn(session.page, runtime.baseUrl, email);
  await session.page.waitForURL((url) => url.pathname === '/app/contacts');
  await session.page.getByTestId('contact-row').first().waitFor();
}

/** Waits for an API answer to `method path…`, matched on the path and an optional query test. */
export function apiResponse(
  page: Page,
  method: string,
  path: RegExp,
  query: (params: URLSearchParams) => boolean = () => true,
): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return response.request().method() === method && path.test(url.pathname) && query(url.searchParams);
  });
}

/** The open dropdown of an Ant Design Select (closed ones stay in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

/**
 * Types into an Ant Design Select (the test id sits on its root; the combobox input is inside)
 * and picks the option whose label is `label`.
 */
export async function chooseOption(page: Page, testId: string, search: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input[role="combobox"]').pressSequentially(search);
  const option = openDropdown(page).locator(`.ant-select-item-option[title="${label}"]`);
  // A remote-search Select re-renders its options when the search answer lands; a click that hits
  // the list just before that is lost. Pick again (reopening the list) until the choice shows.
  for (let attempt = 1; ; attempt++) {
    await option.click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 4_000 }).toContain(label);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      if (!(await openDropdown(page).isVisible())) await select.click();
    }
  }
}

/**
 * Picks `label` in an Ant Design Select without search (the test id sits on its root). A click
 * that lands while the list is still opening (or closing after another popup) is lost: open and
 * pick again until the choice shows.
 */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    if (!(await openDropdown(page).isVisible())) await select.click();
    await openDropdown(page).locator(`.ant-select-item-option[title="${label}"]`).click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 4_000 }).toBe(label);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Adds free-form tags to a tags Select: type, Enter. */
export async function addTags(page: Page, testId: string, tags: readonly string[]): Promise<void> {
  const input = page.getByTestId(testId).locator('input[role="combobox"]');
  for (const tag of tags) {
    await input.pressSequentially(tag);
    await input.press('Enter');
    await page.getByTestId(testId).locator('.ant-select-selection-item', { hasText: tag }).waitFor();
  }
  await input.press('Escape');
}

/** The texts of all matching elements, trimmed. */
export async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((text) => text.trim());
}

/** The error messages Ant Design shows under the form item that holds `testId`. */
export function fieldErrors(page: Page, testId: string): Locator {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain-error');
}

/**
 * Clicks "Load more" until every page of the list is shown. A page that ended exactly at the
 * limit still carries a cursor (DynamoDB cannot know nothing follows), so the last "Load more"
 * may bring no rows: then the button goes away instead.
 */
export async function loadAllPages(page: Page): Promise<void> {
  const more = page.getByTestId('load-more');
  while ((await more.count()) > 0) {
    const before = await page.getByTestId('contact-row').count();
    await more.click();
    await expect
      .poll(async () => (await page.getByTestId('contact-row').count()) > before || (await more.count()) === 0)
      .toBe(true);
  }
}

/** Closes what a file opened, even when an earlier step failed. */
export async function closeAll(...steps: (() => Promise<unknown> | undefined)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
}
