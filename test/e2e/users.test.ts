import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import { invitationLink } from '../support/staff-sign-in.js';
import {
  ADMIN,
  apiResponse,
  closeAll,
  openDropdown,
  openSession,
  type Session,
  screenshot,
  signIn,
  startBrowser,
} from './helpers.js';

const INVITEE = { email: 'quinn.new@cirrus.local', name: 'Quinn Newcomer', password: 'Quinn-Sets-1t!' };

/** Picks an option of an Ant Design Select that has no search box. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await openDropdown(page).locator(`.ant-select-item-option[title="${label}"]`).click();
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(label);
}

/**
 * An admin invites a new sales rep from the Users page; the invitee opens the link of the
 * invitation e-mail in the local SES mailbox, sets a password, signs in, and sees only their own
 * contacts (none yet). The admin then disables the account, and the invitee can no longer sign in.
 */
describe('user administration: an admin invites a sales rep who signs in', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
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
    runtime = await startTestRuntime({ seed: { companies: 2, contacts: 6 } });
    browser = await startBrowser();
  });

  afterAll(async () => {
    await closeAll(
      ...sessions.map((s) => () => s.context.close()),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  let admin: Session;

  it('admin invites the user as sales from the Users page', async () => {
    admin = await open();
    const { page } = admin;
    await signIn(page, env().baseUrl, ADMIN);
    await page.getByTestId('nav-users').click();
    await page.waitForURL((url) => url.pathname === '/app/settings/users');
    await page.getByTestId('user-row').first().waitFor();

    await page.getByTestId('invite-user').click();
    await page.getByTestId('field-email').fill(INVITEE.email);
    await page.getByTestId('field-name').fill(INVITEE.name);
    await pick(page, 'field-role', 'Sales');
    const saved = apiResponse(page, 'POST', /^\/api\/users$/);
    await page.getByTestId('save').click();
    expect((await saved).status()).toBe(201);

    const row = page.locator(`[data-testid="user-row"][data-email="${INVITEE.email}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Invited');
    await screenshot(page, 'users-invited');
    expect(admin.errors).toEqual([]);
  });

  it('the invitee sets a password from the mailbox link, signs in and sees no contacts of others', async () => {
    const link = await invitationLink(env(), INVITEE.email);
    expect(link).toBeTruthy();
    const invitee = await open({ viewport: { width: 390, height: 844 } });
    const { page } = invitee;

    await page.goto(link!);
    await page.locator('#password').fill(INVITEE.password);
    await page.locator('#confirm').fill(INVITEE.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('password-set').waitFor();
    await page.getByTestId('continue-sign-in').click();

    await page.getByTestId('sign-in').click();
    await page.locator('input[name="email"]').fill(INVITEE.email);
    await page.locator('input[name="password"]').fill(INVITEE.password);
    await page.locator('button[type="submit"]').click();
    // The console opens on the personal home page; the contacts list is one click away.
    await page.getByTestId('home').waitFor();
    const contacts = apiResponse(page, 'GET', /^\/api\/contacts$/);
    await page.goto(`${env().baseUrl}/app/contacts`);
    expect((await contacts).status()).toBe(200);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('contact-row').count()).toBe(0);
    await screenshot(page, 'users-invitee-contacts');
    expect(invitee.errors).toEqual([]);

    // The demo data has contacts; the rep's own list is simply empty, as it should be.
    const all = await apiAs(env(), ADMIN).get<Listed>('/api/contacts?limit=10');
    expect(all.body.items.length).toBeGreaterThan(0);
  });

  it('admin sees the last sign-in, then disables the account after confirming', async () => {
    const { page } = admin;
    await page.reload();
    const row = page.locator(`[data-testid="user-row"][data-email="${INVITEE.email}"]`);
    await expect.poll(() => row.textContent()).toContain('Active');
    await row.getByTestId('user-disable').click();
    const saved = apiResponse(page, 'PATCH', /^\/api\/users\//);
    await page.getByTestId('confirm-status').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => row.textContent()).toContain('Disabled');
    await row.getByTestId('user-enable').waitFor();

    const refused = await fetch(`${env().baseUrl}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: INVITEE.email }),
    });
    expect(refused.status).toBe(400);
  });
});
