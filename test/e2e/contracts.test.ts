import { readFile } from 'node:fs/promises';
import dayjs from 'dayjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { daysBefore } from '../../shared/domain/notifications/reminder-times.js';
import { aCompany } from '../support/fixtures.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';
import {
  apiResponse,
  chooseOption,
  closeAll,
  openSession,
  SALES1,
  type Session,
  screenshot,
  screenshotViewport,
  signIn,
  startBrowser,
  texts,
} from './helpers.js';

/**
 * A rep's contract from the console to the reminder: create a contract ending in 6 days, move
 * time to the day before its end and fire the reminder schedule; the owner's e-mail is in the
 * local SES mailbox, the bell shows it, opening it marks it read and clears the badge; then an
 * attachment goes up and comes back down through presigned storage URLs. The detail page at
 * desktop and phone width, and the bell, are photographed.
 */
type Mail = { destination: { to: string[] }; subject: string; body: { html?: string } };

describe('contracts: a rep creates a contract, gets its expiry reminder, and files the signed copy', () => {
  let runtime: Runtime | undefined;
  let browser: Browser | undefined;
  let session: Session;
  const companyName = `Lindqvist Freight ${Date.now().toString(36)}`;
  const title = 'Freight tracking subscription';
  // Six days, not seven: the 7-day reminder (09:00 UTC, 7 days before the end) is then always in the
  // past when the contract is made, whatever the time of day, so the sweep fires the 1-day one only.
  const end = dayjs().add(6, 'day');
  let contractId = '';
  let contractNumber = '';
  let companyId = '';

  const env = () => {
    if (!runtime) throw new Error('the runtime did not start');
    return runtime;
  };
  const mailbox = async (): Promise<Mail[]> =>
    ((await (await fetch(`${env().mailboxUrl}store`)).json()) as { emails: Mail[] }).emails;

  beforeAll(async () => {
    runtime = await startTestRuntime();
    const company = await apiAs(runtime, SALES1).post<{ id: string }>(
      '/api/companies',
      aCompany({ name: companyName }),
    );
    expect(company.status).toBe(201);
    companyId = company.body.id;
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

  it('creates a contract ending in 6 days from the contracts page', async () => {
    const { page } = session;
    await page.getByTestId('nav-contracts').click();
    await page.waitForURL((url) => url.pathname === '/app/contracts');
    await page.getByTestId('new-contract').click();
    await page.getByTestId('contract-title').fill(title);
    await chooseOption(page, 'contract-company', companyName.slice(0, 10), companyName);
    // The range picker's two inputs (start, end), typed as the picker shows dates.
    const dates = page.locator('.ant-modal .ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(dayjs().subtract(1, 'year').format('YYYY-MM-DD'));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(end.format('YYYY-MM-DD'));
    await dates.nth(1).press('Enter');
    await page.locator('input[data-testid="contract-value"], [data-testid="contract-value"] input').fill('36000');
    const created = apiResponse(page, 'POST', /^\/api\/contracts$/);
    await page.getByTestId('contract-save').click();
    const res = await created;
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { id: string; number: string; endDate: string; status: string };
    contractId = body.id;
    contractNumber = body.number;
    expect(body.endDate).toBe(end.format('YYYY-MM-DD'));
    await page.waitForURL((url) => url.pathname === `/app/contracts/${contractId}`);
    expect(await page.getByTestId('contract-heading').textContent()).toContain(contractNumber);
    expect(await page.getByTestId('contract-status').textContent()).toBe('Expiring');
  });

  it('e-mails the owner and rings the bell when the schedule fires the day before the end', async () => {
    const { page } = session;
    const before = (await mailbox()).length;
    // The day before the end, an hour after the reminders' 09:00 (UTC, the contract's zone).
    const at = new Date(`${daysBefore(end.format('YYYY-MM-DD'), 1)}T10:00:00.000Z`);
    const fired = await fetch(`${env().baseUrl}/local/schedules/reminder-sweep/fire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: at.toISOString() }),
    });
    expect(fired.status).toBe(200);
    expect(((await fired.json()) as { result: { fired: number } }).result.fired).toBeGreaterThanOrEqual(1);
    await env().drain();
    await env().drain();

    const mails = (await mailbox()).slice(before).filter((m) => m.subject.includes(contractNumber));
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails[0]!.destination.to).toEqual([SALES1]);
    expect(mails[0]!.body.html).toContain(`/app/contracts/${contractId}`);
    expect(mails[0]!.body.html).toContain('(1 day left)');

    await page.reload();
    await page.getByTestId('contract-heading').waitFor();
    const badge = page.getByTestId('notification-badge').locator('.ant-badge-count');
    await expect.poll(() => badge.textContent()).toBe(String(mails.length));
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(contractNumber);
    expect(await item.textContent()).toContain('(1 day left)');
    // Photograph the panel once its opening animation has finished.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await screenshotViewport(page, 'contracts-02-bell');

    const read = apiResponse(page, 'POST', /^\/api\/notifications\//);
    if (mails.length === 1) await item.click();
    else await page.getByTestId('notifications-read-all').click();
    expect((await read).status()).toBe(200);
    await expect.poll(() => badge.count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('uploads the signed copy, lists it once confirmed, and downloads the same bytes', async () => {
    const { page } = session;
    await page.goto(`${env().baseUrl}/app/contracts/${contractId}`);
    await page.getByTestId('contract-heading').waitFor();
    const pdf = Buffer.from('%PDF-1.4\n% signed contract\n%%EOF\n');
    const confirmed = apiResponse(page, 'POST', /^\/api\/contracts\/[^/]+\/attachments\/[^/]+\/confirm$/);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'signed-contract.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    expect((await confirmed).status()).toBe(200);
    const row = page.getByTestId('attachment-row').filter({ hasText: 'signed-contract.pdf' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`(${pdf.length} B)`);

    const download = page.waitForEvent('download');
    await row.getByTestId('attachment-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('signed-contract.pdf');
    expect((await readFile((await file.path())!)).equals(pdf)).toBe(true);
    await screenshot(page, 'contracts-01-detail-desktop');
    expect(session.errors).toEqual([]);
  });

  it('shows the contract detail at phone width without sideways scrolling', async () => {
    const phone = await openSession(browser!, { viewport: { width: 390, height: 844 } });
    try {
      await signIn(phone.page, env().baseUrl, SALES1);
      await phone.page.goto(`${env().baseUrl}/app/contracts/${contractId}`);
      await phone.page.getByTestId('contract-heading').waitFor();
      await phone.page.getByTestId('attachment-row').first().waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(phone.page, 'contracts-03-detail-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('pages the list by cursor past the first 50, and keeps its filter in the address over a reload', async () => {
    const { page } = session;
    // 55 active contracts ending in a year, beside the expiring one: more than one page of 50.
    const rep = apiAs(env(), SALES1);
    const bodies = Array.from({ length: 55 }, (_, i) => ({
      title: `Fleet telematics seat ${i + 1}`,
      companyId,
      startDate: dayjs().format('YYYY-MM-DD'),
      endDate: dayjs().add(1, 'year').format('YYYY-MM-DD'),
      value: 120_000 + i,
      currency: 'CNY',
      status: 'active',
    }));
    for (let i = 0; i < bodies.length; i += 5) {
      const created = await Promise.all(bodies.slice(i, i + 5).map((body) => rep.post('/api/contracts', body)));
      expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    }

    await page.goto(`${env().baseUrl}/app/contracts`);
    const rows = page.getByTestId('contract-link');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await page.getByTestId('shown-count').textContent()).toBe('50 shown');
    const second = apiResponse(page, 'GET', /^\/api\/contracts$/, (q) => q.has('cursor'));
    await page.getByTestId('load-more').click();
    expect((await second).status()).toBe(200);
    await expect.poll(() => rows.count()).toBe(56);
    expect(await page.getByTestId('load-more').count()).toBe(0);
    expect(new Set(await texts(rows)).size).toBe(56);
    await screenshot(page, 'contracts-04-list-second-page');

    await page.getByTestId('contract-filter-expiring').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'expiring');
    await expect.poll(() => texts(rows)).toEqual([contractNumber]);
    await page.reload();
    await expect.poll(() => texts(rows)).toEqual([contractNumber]);
    expect(await page.locator('.ant-segmented-item-selected').textContent()).toBe('Expiring soon');
    await screenshot(page, 'contracts-05-filter-after-reload');
    expect(session.errors).toEqual([]);
  });
});
