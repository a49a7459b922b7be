import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { LOCAL_PASSWORD } from '../../infra/local/staff-users.js';

/**
 * Debian's Chromium driven by playwright-core (browser downloads are impossible here). The flags
 * keep it from reaching for the internet, which this machine refuses.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  // Each launch gets a throw-away profile of its own from Playwright.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Signs in through the console's real flow: the SPA redirects to the provider's sign-in page.
 * It starts from the contacts list (a deep link survives sign-in), where most journeys begin;
 * the console's own start page is the personal home page.
 */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/app/contacts`);
  await page.getByTestId('sign-in').click();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(LOCAL_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/app') && !url.pathname.includes('callback'), {
    timeout: 30_000,
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('test-results', `${name}.png`), fullPage: true });
}
