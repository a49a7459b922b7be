import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { MASK } from '../../shared/domain/customers/sensitive-fields.js';
import { aContact } from '../support/fixtures.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import { ADMIN, closeAll, openSession, type Session, screenshot, signInToContacts, startBrowser } from './helpers.js';

/**
 * An administrator marks the contact phone sensitive in the console; the re-encryption job over
 * the contacts already stored runs to its end on the page; then support sees •••• where the
 * administrator still sees the number.
 */
describe('sensitive built-in field: an admin makes the contact phone sensitive', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let admin: Session;
  let support: Session;
  const PHONE = '+4930901877';
  let contactId = '';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ seed: { companies: 2, contacts: 6 } });
    browser = await startBrowser();
    admin = await openSession(browser);
    support = await openSession(browser);
    const made = await apiAs(runtime, ADMIN).post<{ id: string }>(
      '/api/contacts',
      aContact({ name: 'Ottilie Vasquez-Brandt', phone: '+49 30 901877', address: { country: 'DE' } }),
    );
    expect(made.status).toBe(201);
    contactId = made.body.id;
  });

  afterAll(async () => {
    await closeAll(
      () => admin?.context.close(),
      () => support?.context.close(),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('turns phone sensitive on the custom-fields page and watches the job finish', async () => {
    const { page } = admin;
    await signInToContacts(admin, env(), ADMIN);
    await page.goto(`${env().baseUrl}/app/settings/custom-fields?entity=contact`);
    const row = page.getByTestId('builtin-phone');
    await row.getByTestId('builtin-sensitive').click();
    await row.getByTestId('builtin-save').click();
    const job = page.getByTestId('reencrypt-job');
    await job.waitFor();
    await page.locator('[data-testid="reencrypt-job"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await job.textContent()).toMatch(/re-encrypted/);
    await screenshot(page, 'sensitive-builtin-settings');
    expect(admin.errors).toEqual([]);
  });

  it('shows the admin the number and support the mask', async () => {
    await admin.page.goto(`${env().baseUrl}/app/contacts/${contactId}`);
    await admin.page.getByText(PHONE).first().waitFor();

    await signInToContacts(support, env(), 'support@cirrus.local');
    await support.page.goto(`${env().baseUrl}/app/contacts/${contactId}`);
    await support.page.getByText('Ottilie Vasquez-Brandt').first().waitFor();
    await support.page.getByText(MASK).first().waitFor();
    expect(await support.page.getByText(PHONE).count()).toBe(0);
    await screenshot(support.page, 'sensitive-builtin-support-detail');
    // Search by the whole number still finds the contact; the hint says prefixes do not work.
    await support.page.goto(`${env().baseUrl}/app/contacts`);
    await support.page.getByPlaceholder(/whole phone number/).waitFor();
    expect(support.errors).toEqual([]);
  });
});
