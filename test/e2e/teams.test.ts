import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { isPoolOwner, poolOwnerId } from '../../shared/db/keys.leads.js';
import { apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  apiResponse,
  type ContactBody,
  chooseOption,
  closeAll,
  loadAllPages,
  openDropdown,
  openSession,
  SALES1,
  SALES2,
  type Session,
  screenshot,
  signIn,
  signInToContacts,
  staffId,
  staffName,
  startBrowser,
  texts,
} from './helpers.js';

const MANAGER = 'manager@cirrus.local';

/** A manager's console shows their team's customers (East 华东: sales1's), and nothing of West's. */
describe("teams: a manager sees the team's customers", () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  /** A contact of sales2's (team West), with a name nobody else has. */
  const west = { name: 'Zephyrine Westbrook-Sales2', id: '' };

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ seed: { companies: 6, contacts: 30 } });
    const created = await apiAs(runtime, SALES2).post<ContactBody>('/api/contacts', { name: west.name });
    expect(created.status).toBe(201);
    west.id = created.body.id;
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

  it('the manager signs in and sees exactly the team’s contacts: sales1’s and their own, none of sales2’s', async () => {
    const { page } = session;
    const team = await apiAs(env(), MANAGER).get<Listed<ContactBody>>('/api/contacts?limit=200');
    const all = await apiAs(env(), ADMIN).get<Listed<ContactBody>>('/api/contacts?limit=200');
    expect(team.body.items.length).toBeGreaterThan(0);
    expect(team.body.items.length).toBeLessThan(all.body.items.length);
    // East 华东 is the manager and sales1: the demo data gives both of them customers. The team's
    // lead pool (the demo leads nobody has claimed yet) is the team's too, and no other pool is.
    const owners = new Set(team.body.items.map((c) => c.ownerId));
    const pools = [...owners].filter(isPoolOwner);
    expect(new Set([...owners].filter((id) => !isPoolOwner(id)))).toEqual(new Set([staffId(SALES1), staffId(MANAGER)]));
    expect(pools.every((id) => id === poolOwnerId('team-east'))).toBe(true);
    expect(team.body.items.map((c) => c.ownerId)).not.toContain(staffId(SALES2));

    await signInToContacts(session, env(), MANAGER);
    expect(await page.getByTestId('user-name').textContent()).toBe(staffName(MANAGER));
    await loadAllPages(page);
    const shown = await texts(page.getByTestId('contact-link'));
    expect([...shown].sort()).toEqual(team.body.items.map((c) => c.name).sort());
    expect(shown).not.toContain(west.name);
    await screenshot(page, 'teams-01-manager-contacts');
  });

  it('a contact of another team answers “not found” at its address', async () => {
    const { page } = session;
    const read = apiResponse(page, 'GET', new RegExp(`^/api/contacts/${west.id}$`));
    await page.goto(`${env().baseUrl}/app/contacts/${west.id}`);
    expect((await read).status()).toBe(404);
    await page.getByTestId('error-state').waitFor();
    expect(await page.getByTestId('error-state').textContent()).toContain('Contact not found');
    expect((await page.content()).includes(west.name)).toBe(false);
  });

  it('an admin creates a team with sales2 in the console and sees it listed with sales2’s name', async () => {
    const admin = await openSession(browser!);
    try {
      const { page } = admin;
      await signIn(page, env().baseUrl, ADMIN);
      await page.getByTestId('nav-teams').click();
      await page.waitForURL((url) => url.pathname === '/app/settings/teams');
      await page.getByTestId('team-row').first().waitFor();

      await page.getByTestId('new-team').click();
      await page.getByTestId('field-team-name').fill('North 华北');
      await chooseOption(page, 'field-team-members', staffName(SALES2).slice(0, 4), staffName(SALES2));
      // A multiple Select keeps its dropdown open after a pick: close it before saving.
      await page.locator('.ant-modal-title').click();
      await openDropdown(page)
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      const saved = apiResponse(page, 'POST', /^\/api\/teams$/);
      await page.getByTestId('save').click();
      const response = await saved;
      expect(response.status()).toBe(201);
      const team = (await response.json()) as { id: string; memberIds: string[] };
      expect(team.memberIds).toEqual([staffId(SALES2)]);

      const row = page.locator(`[data-testid="team-row"][data-team-id="${team.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('North 华北');
      expect(await row.getByTestId('team-members').textContent()).toContain(staffName(SALES2));
      await screenshot(page, 'teams-02-admin-created-team');

      // Both sides of the membership: sales2's profile lists the new team, by name, on the Users page.
      await page.getByTestId('nav-users').click();
      const user = page.locator(`[data-testid="user-row"][data-user-id="${staffId(SALES2)}"]`);
      await user.waitFor();
      await expect.poll(() => user.getByTestId('user-teams').textContent()).toContain('North 华北');
    } finally {
      await admin.context.close();
    }
  });
});
