import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { LOCAL_PASSWORD } from '../../infra/local/staff-users.js';
import { totpCode } from '../../shared/identity/local-user-store.js';
import { startTestRuntime } from '../support/runtime.js';
import { ADMIN, closeAll, openSession, type Session, screenshot, signIn, startBrowser } from './helpers.js';

/**
 * An admin without an authenticator app, MFA enforced (as in AWS): the console keeps them on the
 * Account security page, they scan (here: read) the secret, a wrong code is refused, the right one
 * turns TOTP on, and the console opens; the next sign-in asks for the code.
 */
describe('TOTP enrolment journey', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  let secret = '';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };
  const newSession = async (options?: Parameters<typeof openSession>[1]) => {
    const session = await openSession(browser!, options);
    sessions.push(session);
    return session;
  };
  /** Types a code into antd's six-box code input. */
  const typeCode = async (page: Page, code: string) => {
    await page.getByTestId('mfa-code').locator('input').first().click();
    await page.keyboard.type(code);
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ enforceMfa: true });
    browser = await startBrowser();
  });

  afterAll(async () => {
    await closeAll(
      ...sessions.map((s) => () => s.context.close()),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('an admin without TOTP is kept on Account security, even when asking for another page', async () => {
    const { page } = await newSession();
    sessions[0] = sessions.at(-1)!;
    await signIn(page, env().baseUrl, ADMIN);
    await page.waitForURL((url) => url.pathname === '/app/account/security');
    await page.getByTestId('mfa-enrol-first').waitFor();
    expect(await page.getByTestId('mfa-status').innerText()).toContain('Not set up');

    await page.goto(`${env().baseUrl}/app/settings/users`);
    await page.waitForURL((url) => url.pathname === '/app/account/security');
    await page.getByTestId('mfa-card').waitFor();
  });

  it('starts the set-up: a QR code and the key to type by hand', async () => {
    const { page } = sessions[0]!;
    await page.getByTestId('mfa-start').click();
    await page.getByTestId('mfa-qr').waitFor();
    secret = (await page.getByTestId('mfa-secret').getAttribute('data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'mfa-enrolment');
  });

  it('refuses a wrong code and says so', async () => {
    const { page } = sessions[0]!;
    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0');
    await typeCode(page, wrong);
    await page.getByTestId('mfa-verify').click();
    await page.getByTestId('mfa-code-error').waitFor();
  });

  it('turns TOTP on with the right code, and the console opens', async () => {
    const { page, errors } = sessions[0]!;
    await typeCode(page, totpCode(secret));
    await page.getByTestId('mfa-verify').click();
    // A new token without the enrolment mark (locally through the provider's session, in AWS by
    // refresh), and the console opens where it would after sign-in.
    await page.waitForURL(
      (url) => url.pathname.startsWith('/app') && !/\/(account\/security|callback)$/.test(url.pathname),
      { timeout: 30_000 },
    );
    await page.goto(`${env().baseUrl}/app/settings/users`);
    await page.getByTestId('page-title').filter({ hasText: 'Users' }).waitFor();
    expect(page.url()).toContain('/app/settings/users');
    await page.goto(`${env().baseUrl}/app/account/security`);
    expect(await page.getByTestId('mfa-status').innerText()).toContain('Set up');
    expect(await page.getByTestId('mfa-enrol-first').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the next sign-in asks for the code after the password, on a phone too', async () => {
    const { page } = await newSession({ viewport: { width: 390, height: 844 } });
    await page.goto(`${env().baseUrl}/app/`);
    await page.getByTestId('sign-in').click();
    await page.locator('input[name="email"]').fill(ADMIN);
    await page.locator('input[name="password"]').fill(LOCAL_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('input[name="code"]').waitFor();
    await screenshot(page, 'mfa-sign-in-code');
    // The next step's code: newer than the one used to enrol, so not refused as a replay.
    await page.locator('input[name="code"]').fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/app') && !url.pathname.includes('callback'));
    await page.goto(`${env().baseUrl}/app/account/security`);
    expect(await page.getByTestId('mfa-status').innerText()).toContain('Set up');
    await screenshot(page, 'mfa-account-security-phone');
  });
});
