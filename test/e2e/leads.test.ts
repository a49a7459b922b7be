import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  ADMIN,
  closeAll,
  openSession,
  SALES1,
  SALES2,
  type Session,
  screenshot,
  screenshotViewport,
  signIn,
  staffId,
  staffName,
  startBrowser,
} from './helpers.js';

/**
 * A sales rep and the lead pool (公海): the duplicate warning (查重) as they type an e-mail another
 * rep's contact has; claiming a lead from their team's pool, which then shows in their contacts;
 * and the lead going back to the pool when the return sweep fires after N days without follow-up.
 */
describe('leads: a rep checks for duplicates, claims from the pool and loses an unattended lead', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  const lead = { name: 'Quillon Abernethy-Soto', title: 'Procurement Lead', source: 'trade show' };
  let leadId = '';
  const takenEmail = 'wren.taken@duplicate-check.example';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const admin = apiAs(runtime, ADMIN);
    const created = await admin.post<{ id: string; ownerId: string }>('/api/leads', {
      ...lead,
      teamId: 'team-east',
      assign: 'pool',
    });
    expect(created.status).toBe(201);
    leadId = created.body.id;
    const theirs = await apiAs(runtime, SALES2).post('/api/contacts', { name: 'Wren Taken', email: takenEmail });
    expect(theirs.status).toBe(201);
    browser = await startBrowser();
    session = await openSession(browser);
    await signIn(session.page, runtime.baseUrl, SALES1);
  });

  afterAll(async () => {
    await closeAll(
      () => session?.context.close(),
      () => browser?.close(),
      () => runtime?.stop(),
    );
  });

  it('warns while the rep types an e-mail another rep’s contact already has', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/contacts/new`);
    await page.locator('input#contact_name').fill('Wren Again');
    await page.locator('input#contact_email').fill(takenEmail);
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    const text = await warning.textContent();
    expect(text).toContain(`owned by ${staffName(SALES2)}`);
    expect(text).not.toContain('Wren Taken');
    await screenshot(page, 'leads-01-duplicate-warning');
    // A fresh address clears it.
    await page.locator('input#contact_email').fill('wren.fresh@duplicate-check.example');
    await warning.waitFor({ state: 'detached' });
  });

  it('claims a lead from the team’s pool and finds it among their contacts', async () => {
    const { page } = session;
    await page.getByTestId('nav-lead-pool').click();
    await page.waitForURL((url) => url.pathname === '/app/leads');
    const row = page.locator(`[data-testid="pool-row"][data-lead-name="${lead.name}"]`);
    await row.waitFor();
    await screenshot(page, 'leads-02-pool');
    await row.getByTestId('claim-lead').click();
    await row.waitFor({ state: 'detached' });

    await page.goto(`${env().baseUrl}/app/contacts/${leadId}`);
    await page.getByText(lead.name).first().waitFor();
    const stored = await apiAs(env(), ADMIN).get<{ ownerId: string }>(`/api/contacts/${leadId}`);
    expect(stored.body.ownerId).toBe(staffId(SALES1));

    await page.goto(`${env().baseUrl}/app/leads`);
    await page.getByTestId('tab-mine').click();
    await page.locator(`[data-testid="my-lead-row"][data-lead-name="${lead.name}"]`).waitFor();
    await screenshot(page, 'leads-03-my-leads');
  });

  it('sees the lead back in the pool after the return sweep fires 15 days later, with a cooldown', async () => {
    const { page } = session;
    const result = (await env().fireSchedule('lead-return-sweep', new Date(Date.now() + 15 * 86_400_000))) as {
      returned: number;
    };
    expect(result.returned).toBe(1);
    await page.goto(`${env().baseUrl}/app/leads`);
    const row = page.locator(`[data-testid="pool-row"][data-lead-name="${lead.name}"]`);
    await row.waitFor();
    await row.getByTestId('pool-cooldown').waitFor();
    expect(await row.getByTestId('claim-lead').isDisabled()).toBe(true);
    await screenshot(page, 'leads-04-returned-with-cooldown');
    const stored = await apiAs(env(), ADMIN).get<{ ownerId: string }>(`/api/contacts/${leadId}`);
    expect(stored.body.ownerId).toBe('POOL_team-east');
  });

  it('adds a lead into the pool from the console, warned of a duplicate e-mail on the way', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/leads`);
    await page.getByTestId('new-lead').click();
    await page.getByTestId('lead-name').fill('Ines Duplicate');
    await page.locator('input#lead_email').fill(takenEmail);
    await page.getByTestId('duplicate-warning').waitFor();
    await screenshot(page, 'leads-07-new-lead');
    await page.locator('input#lead_email').fill('ines.fresh@duplicate-check.example');
    await page.getByTestId('save-lead').click();
    await page.locator('[data-testid="pool-row"][data-lead-name="Ines Duplicate"]').waitFor();
  });

  it('lets a manager change their team’s lead rules', async () => {
    const manager = await openSession(browser!);
    try {
      await signIn(manager.page, env().baseUrl, 'manager@cirrus.local');
      await manager.page.getByTestId('nav-lead-rules').click();
      const card = manager.page.locator('[data-testid="lead-rules-card"][data-team-id="team-east"]');
      await card.waitFor();
      expect(await manager.page.locator('[data-testid="lead-rules-card"][data-team-id="team-west"]').count()).toBe(0);
      await card.locator('input[data-testid="rules-return-days"], [data-testid="rules-return-days"] input').fill('21');
      await card.getByTestId('save-lead-rules').click();
      await manager.page.getByText('Rules of East 华东 saved').waitFor();
      await screenshot(manager.page, 'leads-06-rules');
      const rules = await apiAs(env(), ADMIN).get<{ items: { teamId: string; returnAfterDays: number }[] }>(
        '/api/lead-rules',
      );
      expect(rules.body.items.find((r) => r.teamId === 'team-east')?.returnAfterDays).toBe(21);
      expect(manager.errors).toEqual([]);
    } finally {
      await manager.context.close();
    }
  });

  it('works at phone width', async () => {
    const phone = await openSession(browser!, { viewport: { width: 390, height: 844 } });
    try {
      await signIn(phone.page, env().baseUrl, SALES1);
      await phone.page.goto(`${env().baseUrl}/app/leads`);
      await phone.page.locator(`[data-testid="pool-row"][data-lead-name="${lead.name}"]`).waitFor();
      await screenshotViewport(phone.page, 'leads-05-pool-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
    expect(session.errors).toEqual([]);
  });
});
