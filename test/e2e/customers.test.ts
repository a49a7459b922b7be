import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { LOCAL_PASSWORD } from '../../infra/local/staff-users.js';
import { apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  addTags,
  apiResponse,
  type ContactBody,
  chooseOption,
  closeAll,
  fieldErrors,
  openSession,
  type Session,
  screenshot,
  staffName,
  startBrowser,
  texts,
} from './helpers.js';

/**
 * An administrator's day with customers, in one signed-in tab: a company, a contact at it,
 * search, an edit that shows on the timeline, the trash and back. Each step builds on the last.
 */
describe('customers: an admin works a contact from creation to the trash and back', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;

  const company = { name: 'Nimbus Quarry Works', domain: 'nimbus-quarry.example', industry: 'Mining' };
  const contact = {
    name: 'Zephyrine Okonkwo-Larsen',
    email: 'zephyrine@nimbus-quarry.example',
    phone: '+49 30 901820',
    phoneStored: '+4930901820',
    tag: 'e2e-vip',
    country: 'Germany (DE)',
    title: 'Chief Cloud Officer',
  };
  let companyId = '';
  let contactId = '';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ seed: { companies: 6, contacts: 30 } });
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

  it('admin signs in through the provider’s sign-in page and lands on the contacts list', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/`);
    await page.getByTestId('sign-in').waitFor();
    await screenshot(page, 'customers-01-console-signed-out');

    // The console hands over to the provider's own page (under /oidc/), which hands back a code.
    await page.getByTestId('sign-in').click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await page.locator('input[name="email"]').fill(ADMIN);
    await page.locator('input[name="password"]').fill(LOCAL_PASSWORD);
    await screenshot(page, 'customers-02-provider-sign-in');
    await page.locator('button[type="submit"]').click();

    // The console opens on the personal home page; the contacts list is one click away.
    await page.getByTestId('home').waitFor();
    await page.getByTestId('nav-contacts').click();
    await page.waitForURL((url) => url.pathname === '/app/contacts');
    await page.getByTestId('contact-row').first().waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe(staffName(ADMIN));
    expect(await page.getByTestId('contact-row').count()).toBe(25); // the first page of 30 seeded contacts
    await page.getByTestId('load-more').waitFor();
    await screenshot(page, 'customers-03-contacts-list');
  });

  it('admin creates a company, then a contact linked to it with email, phone, tag and country', async () => {
    const { page } = session;
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('new-company').click();
    await page.getByTestId('field-name').fill(company.name);
    await page.getByTestId('field-domain').fill(company.domain);
    await page.getByTestId('field-industry').fill(company.industry);
    const createdCompany = apiResponse(page, 'POST', /^\/api\/companies$/);
    await page.getByTestId('save').click();
    const companyResponse = await createdCompany;
    expect(companyResponse.status()).toBe(201);
    companyId = ((await companyResponse.json()) as { id: string }).id;
    await page.waitForURL((url) => url.pathname === `/app/companies/${companyId}`);
    expect(await page.getByTestId('company-name').textContent()).toContain(company.name);

    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('new-contact').click();
    await page.waitForURL((url) => url.pathname === '/app/contacts/new');
    await page.getByTestId('field-name').fill(contact.name);
    await page.getByTestId('field-email').fill(contact.email);
    await page.getByTestId('field-phone').fill(contact.phone);
    await chooseOption(page, 'field-companyId', 'Nimbus', company.name);
    await chooseOption(page, 'field-address.country', 'Germany', contact.country);
    await addTags(page, 'field-tags', [contact.tag]);
    await screenshot(page, 'customers-04-new-contact-form');

    const createdContact = apiResponse(page, 'POST', /^\/api\/contacts$/);
    await page.getByTestId('save').click();
    const response = await createdContact;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as ContactBody;
    contactId = body.id;
    expect(body).toMatchObject({
      name: contact.name,
      email: contact.email,
      phone: contact.phoneStored,
      companyId,
      companyName: company.name,
      tags: [contact.tag],
      address: { country: 'DE' },
    });

    await page.waitForURL((url) => url.pathname === `/app/contacts/${contactId}`);
    await page.getByTestId('contact-details').waitFor();
    expect(await page.getByTestId('company-link').textContent()).toBe(company.name);
    const details = (await page.getByTestId('contact-details').textContent()) ?? '';
    expect(details).toContain(contact.email);
    expect(details).toContain(contact.phoneStored);
    expect(details).toContain('Germany');
    expect(await texts(page.getByTestId('tag-chip'))).toContain(contact.tag);

    // The company's page lists its new person.
    await page.getByTestId('company-link').click();
    await page.waitForURL((url) => url.pathname === `/app/companies/${companyId}`);
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('contact-row').filter({ hasText: contact.name }).waitFor();
  });

  it('admin finds the contact by searching, edits its job title, and sees the change on the Timeline tab', async () => {
    const { page } = session;
    await page.getByTestId('nav-contacts').click();
    await page.waitForURL((url) => url.pathname === '/app/contacts');
    await page.getByTestId('contact-row').first().waitFor();

    const searched = apiResponse(page, 'GET', /^\/api\/contacts$/, (q) => q.get('q') === 'Zephyrine');
    await page.getByTestId('contact-search').fill('Zephyrine');
    expect((await searched).status()).toBe(200);
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1);
    const row = page.getByTestId('contact-row');
    expect(await row.getByTestId('contact-link').textContent()).toBe(contact.name);
    expect(await texts(row.getByTestId('tag-chip'))).toEqual([contact.tag]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Zephyrine');
    await screenshot(page, 'customers-05-search-result');

    await row.getByTestId('contact-link').click();
    await page.waitForURL((url) => url.pathname === `/app/contacts/${contactId}`);
    await page.getByTestId('edit').click();
    await page.waitForURL((url) => url.pathname === `/app/contacts/${contactId}/edit`);
    await page.getByTestId('field-title').fill(contact.title);
    const patched = apiResponse(page, 'PATCH', new RegExp(`^/api/contacts/${contactId}$`));
    await page.getByTestId('save').click();
    expect((await patched).status()).toBe(200);

    await page.waitForURL((url) => url.pathname === `/app/contacts/${contactId}`);
    await expect.poll(() => page.getByTestId('contact-details').textContent()).toContain(contact.title);

    await page.getByTestId('tab-timeline').click();
    const entries = page.getByTestId('timeline-entry');
    await expect.poll(() => entries.count()).toBe(2); // created, then the edit (newest first)
    const edit = entries.first();
    expect(await edit.getByTestId('timeline-action').textContent()).toBe('made changes');
    expect(await edit.getByTestId('timeline-actor').textContent()).toBe(staffName(ADMIN));
    const changes = await texts(edit.getByTestId('timeline-change'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^Job title:\s*—\s*→\s*changed to\s*Chief Cloud Officer$/);
    expect(await entries.last().getByTestId('timeline-action').textContent()).toBe('created this record');
    await screenshot(page, 'customers-06-contact-timeline');
  });

  it('admin deletes the contact, finds it in the Trash, restores it, and it is back in the list', async () => {
    const { page } = session;
    await page.getByTestId('delete').click();
    const deleted = apiResponse(page, 'DELETE', new RegExp(`^/api/contacts/${contactId}$`));
    await page.getByTestId('confirm-delete').click();
    expect((await deleted).status()).toBeLessThan(300);
    await page.waitForURL((url) => url.pathname === '/app/contacts');
    await page.getByTestId('contact-row').first().waitFor();
    // The list may show its cached page for a moment while it refetches.
    await expect.poll(() => texts(page.getByTestId('contact-link'))).not.toContain(contact.name);

    const trashLoaded = apiResponse(page, 'GET', /^\/api\/contacts$/, (q) => q.get('view') === 'deleted');
    await page.getByTestId('view-deleted').click();
    await trashLoaded;
    await page.waitForURL((url) => url.searchParams.get('view') === 'deleted');
    const trashed = page.getByTestId('contact-row').filter({ hasText: contact.name });
    await trashed.waitFor();
    expect(await page.getByTestId('contact-row').count()).toBe(1);
    await screenshot(page, 'customers-07-trash');

    const restored = apiResponse(page, 'POST', new RegExp(`^/api/contacts/${contactId}/restore$`));
    await trashed.getByTestId('restore').click();
    expect((await restored).status()).toBeLessThan(300);
    await page.getByTestId('empty-state').waitFor(); // the trash is empty again

    await page.getByTestId('view-toggle').getByText('Active').click();
    await page.waitForURL((url) => !url.searchParams.has('view'));
    await page.getByTestId('contact-row').filter({ hasText: contact.name }).waitFor();

    const api = apiAs(env(), ADMIN);
    const back = await api.get<ContactBody>(`/api/contacts/${contactId}`);
    expect(back.status).toBe(200);
    expect(back.body.deletedAt).toBeUndefined();
    expect(back.body.title).toBe(contact.title);
  });

  it('a field the API refuses shows the server’s message on that field, and nothing is created', async () => {
    const { page } = session;
    const name = 'Invalid Phone Person';
    await page.getByTestId('new-contact').click();
    await page.waitForURL((url) => url.pathname === '/app/contacts/new');
    await page.getByTestId('field-name').fill(name);
    await page.getByTestId('field-phone').fill('12');

    const refused = apiResponse(page, 'POST', /^\/api\/contacts$/);
    await page.getByTestId('save').click();
    const response = await refused;
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { error: { fields?: Record<string, string> } };
    const serverMessage = body.error.fields?.phone;
    expect(serverMessage).toMatch(/valid phone number/);

    await expect.poll(() => texts(fieldErrors(page, 'field-phone'))).toEqual([serverMessage]);
    expect(await page.getByTestId('save-error').textContent()).toContain('Some fields need your attention.');
    expect(new URL(page.url()).pathname).toBe('/app/contacts/new');
    await screenshot(page, 'customers-08-field-error');

    const found = await apiAs(env(), ADMIN).get<Listed<ContactBody>>(
      `/api/contacts?q=${encodeURIComponent(name)}&limit=200`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((c) => c.name)).not.toContain(name);
    expect(session.errors).toEqual([]);
  });
});
