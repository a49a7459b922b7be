import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  apiResponse,
  type ContactBody,
  closeAll,
  loadAllPages,
  openSession,
  SALES1,
  SALES2,
  type Session,
  screenshot,
  signInToContacts,
  staffId,
  staffName,
  startBrowser,
  texts,
} from './helpers.js';

/** A sales rep's console shows their own customers only, and nothing of another rep's. */
describe('ownership: a sales rep sees only what they own', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  /** A contact of sales2's, with a name nobody else has. */
  const secret = { name: 'Quillon Vantablack-Sales2', id: '' };

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ seed: { companies: 6, contacts: 30 } });
    const created = await apiAs(runtime, SALES2).post<ContactBody>('/api/contacts', { name: secret.name });
    expect(created.status).toBe(201);
    expect(created.body.ownerId).toBe(staffId(SALES2));
    secret.id = created.body.id;
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

  it('sales1 signs in and sees exactly the contacts the API returns for them, all their own', async () => {
    const { page } = session;
    const mine = await apiAs(env(), SALES1).get<Listed<ContactBody>>('/api/contacts?limit=200');
    expect(mine.status).toBe(200);
    expect(mine.body.nextCursor).toBeNull();
    const all = await apiAs(env(), ADMIN).get<Listed<ContactBody>>('/api/contacts?limit=200');
    // Meaningful only if sales1 owns some contacts and others own the rest.
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.length).toBeLessThan(all.body.items.length);
    expect(new Set(mine.body.items.map((c) => c.ownerId))).toEqual(new Set([staffId(SALES1)]));

    await signInToContacts(session, env(), SALES1);
    expect(await page.getByTestId('user-name').textContent()).toBe(staffName(SALES1));
    await loadAllPages(page);
    const shown = await texts(page.getByTestId('contact-link'));
    expect([...shown].sort()).toEqual(mine.body.items.map((c) => c.name).sort());
    expect(await page.getByTestId('shown-count').textContent()).toBe(`${mine.body.items.length} shown`);
    expect(shown).not.toContain(secret.name);
    // Every row names sales1 as the owner (the Owner column is on by default).
    const owners = await texts(
      page
        .getByTestId('contact-row')
        .locator('td')
        .filter({ hasText: /^Riley Zhang/ }),
    );
    expect(owners).toHaveLength(shown.length);
    await screenshot(page, 'ownership-01-sales1-contacts');
  });

  it('sales1 cannot find a contact of sales2 by search, and its address shows “not found”', async () => {
    const { page } = session;
    const searched = apiResponse(page, 'GET', /^\/api\/contacts$/, (q) => q.get('q') === 'Quillon');
    await page.getByTestId('contact-search').fill('Quillon');
    expect((await searched).status()).toBe(200);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('No contacts match these filters.');
    expect(await page.getByTestId('contact-row').count()).toBe(0);
    await page.getByTestId('clear-filters').waitFor();

    // The same search as an admin does find it: the empty list is the scope, not the search.
    const asAdmin = await apiAs(env(), ADMIN).get<Listed<ContactBody>>('/api/contacts?q=Quillon');
    expect(asAdmin.body.items.map((c) => c.id)).toEqual([secret.id]);

    const read = apiResponse(page, 'GET', new RegExp(`^/api/contacts/${secret.id}$`));
    await page.goto(`${env().baseUrl}/app/contacts/${secret.id}`);
    expect((await read).status()).toBe(404);
    const error = page.getByTestId('error-state');
    await error.waitFor();
    expect(await error.textContent()).toContain('Contact not found');
    expect(await page.getByTestId('edit').count()).toBe(0);
    expect(await page.getByTestId('delete').count()).toBe(0);
    expect(await page.getByTestId('contact-name').count()).toBe(0);
    expect((await page.content()).includes(secret.name)).toBe(false);
    await screenshot(page, 'ownership-02-other-reps-contact');
  });

  it('sales1 is not offered the custom-fields settings, and its address says the role does not allow it', async () => {
    const { page } = session;
    await page.getByTestId('nav-contacts').waitFor();
    await page.getByTestId('nav-companies').waitFor();
    expect(await page.getByTestId('nav-custom-fields').count()).toBe(0);

    await page.goto(`${env().baseUrl}/app/settings/custom-fields`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').textContent()).toContain('Your role does not allow this.');
    expect(await page.getByTestId('add-custom-field').count()).toBe(0);
  });

  it('sign-out ends the session: back on the sign-in page, and /app/contacts asks to sign in again', async () => {
    const { page } = session;
    await page.getByTestId('sign-out').click();
    // Through the provider's end-session page and back to the console, signed out.
    await page.waitForURL((url) => url.pathname === '/app/' && !url.searchParams.has('code'));
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('user-name').count()).toBe(0);
    await screenshot(page, 'ownership-03-signed-out');

    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    await page.goto(`${env().baseUrl}/app/contacts`);
    await page.getByTestId('sign-in').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('contact-row').count()).toBe(0);
    expect(apiCalls).toEqual([]); // a signed-out console asks the API nothing

    // The provider's session ended too: signing in again asks for the password.
    await page.getByTestId('sign-in').click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await page.locator('input[name="password"]').waitFor();
    expect(session.errors).toEqual([]);
  });
});
