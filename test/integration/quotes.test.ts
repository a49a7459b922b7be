import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { auditSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import { formatMoney } from '../../shared/domain/common/money.js';
import { putDeal } from '../support/deals-fixture.js';
import { aContact } from '../support/fixtures.js';
import type { Api, Listed } from '../support/runtime.js';
import { setUpRuntime, staffId } from '../support/set-up-runtime.js';

/** Products (price list) and quotes on deals, through the local gateway against DynamoDB Local. */
type Product = { id: string; sku: string; name: string; unitPrice: number; taxRate: number; version: number };
type Quote = {
  id: string;
  number: string;
  status: string;
  version: number;
  currency: string;
  lines: { sku?: string; amounts: { net: number; tax: number } }[];
  totals: { subtotal: number; discount: number; tax: number; total: number };
  sentTo?: { email: string };
};

const env = setUpRuntime();
const { admin, manager, sales1, sales2, finance } = env;
const SALES1 = staffId('sales1@cirrus.local');
const SALES2 = staffId('sales2@cirrus.local');

const aSku = () => `SKU-${randomUUID().slice(0, 8)}`;

async function aProduct(overrides: Record<string, unknown> = {}): Promise<Product> {
  const res = await admin.post<Product>('/api/products', {
    name: `Widget ${randomUUID().slice(0, 6)}`,
    sku: aSku(),
    unitPrice: 12_50,
    currency: 'USD',
    taxRate: 10_00,
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function teamOf(userId: string): Promise<string | undefined> {
  const teams = await admin.get<{ items: { id: string; memberIds: string[] }[] }>('/api/teams');
  return teams.body.items.find((t) => t.memberIds.includes(userId))?.id;
}

async function aQuote(api: Api, dealId: string, body: Record<string, unknown> = {}): Promise<Quote> {
  const res = await api.post<Quote>('/api/quotes', {
    dealId,
    lines: [{ description: 'Consulting day', quantityMilli: 1500, unitPrice: 100_00, taxRate: 10_00 }],
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('products', () => {
  it('lets an admin create, read, edit and delete a product, each change audited', async () => {
    const product = await aProduct({ nameZh: '小部件' });
    expect((await sales1.get<Product>(`/api/products/${product.id}`)).body.sku).toBe(product.sku);
    const edited = await admin.patch<Product>(`/api/products/${product.id}`, {
      unitPrice: 13_00,
      version: product.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ unitPrice: 1300, version: 2 });
    expect((await admin.delete(`/api/products/${product.id}`)).status).toBe(204);
    expect((await admin.get(`/api/products/${product.id}`)).status).toBe(404);
    const audit = await queryPage(auditSource('product', product.id), { limit: 10, forward: true });
    expect(audit.items.map((a) => a.action)).toEqual(['created', 'updated', 'deleted']);
  });

  it('refuses a second product with the same SKU (any case) with 409, and frees a SKU that is changed', async () => {
    const sku = aSku();
    const first = await aProduct({ sku });
    const clash = await admin.post('/api/products', {
      name: 'Other',
      sku: sku.toLowerCase(),
      unitPrice: 1,
      currency: 'USD',
      taxRate: 0,
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: { code: 'product.sku_taken' } });
    const renamed = await admin.patch<Product>(`/api/products/${first.id}`, { sku: aSku(), version: first.version });
    expect(renamed.status).toBe(200);
    expect(
      (await admin.post('/api/products', { name: 'Now free', sku, unitPrice: 1, currency: 'USD', taxRate: 0 })).status,
    ).toBe(201);
  });

  it('rejects a stale product version with 409', async () => {
    const product = await aProduct();
    await admin.patch(`/api/products/${product.id}`, { name: 'First', version: 1 });
    expect((await admin.patch(`/api/products/${product.id}`, { name: 'Second', version: 1 })).status).toBe(409);
  });

  it('lists the active price list by name for the quote editor', async () => {
    const active = await aProduct({ name: `Zz active ${randomUUID().slice(0, 4)}` });
    const inactive = await aProduct({ name: `Zz inactive ${randomUUID().slice(0, 4)}`, active: false });
    const list = await sales1.get<Listed<Product>>('/api/products?view=active&q=zz&limit=200');
    const ids = list.body.items.map((p) => p.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
  });
});

describe('quotes', () => {
  it('creates a numbered draft in the deal currency with totals computed on the server', async () => {
    const deal = await putDeal({ ownerId: SALES1, currency: 'EUR' });
    const product = await aProduct({ unitPrice: 200_00, taxRate: 20_00 });
    const quote = await aQuote(sales1, deal.id, {
      lines: [
        { productId: product.id, description: 'Widget', quantityMilli: 2000, unitPrice: 200_00, taxRate: 20_00 },
        {
          description: 'Setup',
          quantityMilli: 1000,
          unitPrice: 99_99,
          taxRate: 0,
          discount: { type: 'percent', basisPoints: 5000 },
        },
      ],
      discount: { type: 'amount', amount: 10_00 },
    });
    expect(quote.number).toMatch(/^Q-\d{4}-\d{4}$/);
    expect(quote.status).toBe('draft');
    expect(quote.currency).toBe('EUR');
    expect(quote.lines[0]!.sku).toBe(product.sku);
    // 400.00 + 99.99 − 50.00 (half up) − 10.00 spread 400:49.99 → 8.89 / 1.11; tax 20 % of 391.11.
    expect(quote.totals).toMatchObject({ subtotal: 499_99, discount: 60_00, tax: 78_22 });
    expect(quote.totals.total).toBe(499_99 - 60_00 + 78_22);
    const next = await aQuote(sales1, deal.id);
    expect(Number(next.number.slice(-4))).toBe(Number(quote.number.slice(-4)) + 1);
  });

  it('answers an unknown product on a line with 400 naming the line', async () => {
    const deal = await putDeal({ ownerId: SALES1 });
    const res = await sales1.post('/api/quotes', {
      dealId: deal.id,
      lines: [{ productId: 'no-such-product', description: 'x', quantityMilli: 1000, unitPrice: 1, taxRate: 0 }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { 'lines.0.productId': 'Unknown product' } } });
  });

  it('edits a draft with its version, rejects a stale version with 409 and a non-draft edit with 409', async () => {
    const deal = await putDeal({ ownerId: SALES1 });
    const quote = await aQuote(sales1, deal.id);
    const edited = await sales1.patch<Quote>(`/api/quotes/${quote.id}`, {
      lines: [{ description: 'Two days', quantityMilli: 2000, unitPrice: 100_00, taxRate: 10_00 }],
      version: quote.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.totals.total).toBe(220_00);
    const stale = await sales1.patch(`/api/quotes/${quote.id}`, { notes: 'late', version: quote.version });
    expect(stale.status).toBe(409);
    const sent = await sales1.post<Quote>(`/api/quotes/${quote.id}/status`, { status: 'sent', version: 2 });
    expect(sent.status).toBe(200);
    const locked = await sales1.patch(`/api/quotes/${quote.id}`, { notes: 'too late', version: 3 });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ error: { code: 'quote.not_editable' } });
  });

  it('moves draft → sent → accepted, refuses other moves with 409, and announces quote.sent and quote.accepted', async () => {
    const deal = await putDeal({ ownerId: SALES1 });
    const quote = await aQuote(sales1, deal.id);
    expect((await sales1.post(`/api/quotes/${quote.id}/status`, { status: 'accepted', version: 1 })).status).toBe(409);
    await sales1.post(`/api/quotes/${quote.id}/status`, { status: 'sent', version: 1 });
    const accepted = await sales1.post<Quote>(`/api/quotes/${quote.id}/status`, { status: 'accepted', version: 2 });
    expect(accepted.body.status).toBe('accepted');
    expect((await sales1.post(`/api/quotes/${quote.id}/status`, { status: 'rejected', version: 3 })).status).toBe(409);
    const audit = await queryPage(auditSource('quote', quote.id), { limit: 10, forward: true });
    expect(audit.items.flatMap((a) => a.events as string[])).toEqual(
      expect.arrayContaining(['quote.created', 'quote.sent', 'quote.accepted']),
    );
  });

  it('lists a deal’s quotes newest first', async () => {
    const deal = await putDeal({ ownerId: SALES1 });
    const a = await aQuote(sales1, deal.id);
    const b = await aQuote(sales1, deal.id);
    const list = await sales1.get<Listed<Quote>>(`/api/quotes?dealId=${deal.id}`);
    expect(list.body.items.map((q) => q.id)).toEqual([b.id, a.id]);
  });

  it('scopes quotes by their deal: another rep’s deal and its quotes answer 404, a manager sees the team’s', async () => {
    const teamId = await teamOf(SALES1);
    const deal = await putDeal({ ownerId: SALES1, teamId });
    const quote = await aQuote(sales1, deal.id);
    expect((await sales2.get(`/api/quotes/${quote.id}`)).status).toBe(404);
    expect((await sales2.get(`/api/quotes?dealId=${deal.id}`)).status).toBe(404);
    expect((await sales2.patch(`/api/quotes/${quote.id}`, { notes: 'x', version: 1 })).status).toBe(404);
    expect((await sales2.get(`/api/quotes/${quote.id}/pdf`)).status).toBe(404);
    expect((await sales2.post('/api/quotes', { dealId: deal.id, lines: [] })).status).toBe(404);
    expect((await manager.get(`/api/quotes/${quote.id}`)).status).toBe(teamId ? 200 : 404);
    expect((await finance.get(`/api/quotes/${quote.id}`)).status).toBe(200);
    expect((await finance.patch(`/api/quotes/${quote.id}`, { notes: 'x', version: 1 })).status).toBe(403);
    const otherDeal = await putDeal({ ownerId: SALES2 });
    expect((await sales1.post('/api/quotes', { dealId: otherDeal.id, lines: [] })).status).toBe(404);
  });

  it('replays a create with the same Idempotency-Key instead of numbering a second quote', async () => {
    const deal = await putDeal({ ownerId: SALES1 });
    const key = `idem-${randomUUID()}`;
    const body = { dealId: deal.id, lines: [] };
    const first = await sales1.post<Quote>('/api/quotes', body, { 'idempotency-key': key });
    const again = await sales1.post<Quote>('/api/quotes', body, { 'idempotency-key': key });
    expect(again.body.id).toBe(first.body.id);
    expect((await sales1.get<Listed<Quote>>(`/api/quotes?dealId=${deal.id}`)).body.items).toHaveLength(1);
  });
});

describe('quote documents', () => {
  it('renders a real PDF whose text carries the number and the total, in Chinese for a zh-CN quote', async () => {
    const deal = await putDeal({ ownerId: SALES1, currency: 'CNY', name: '华东扩容项目' });
    const quote = await aQuote(sales1, deal.id, {
      language: 'zh-CN',
      lines: [{ description: '企业版订阅', quantityMilli: 3000, unitPrice: 1_299_00, taxRate: 13_00 }],
    });
    const res = await fetch(`${env.runtime.baseUrl}/api/quotes/${quote.id}/pdf`, {
      headers: { authorization: `Bearer ${await env.runtime.token('sales1@cirrus.local')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`${quote.number}.pdf`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain(quote.number);
    expect(text).toContain('报价单');
    expect(text).toContain('企业版订阅');
    expect(text).toContain(formatMoney(quote.totals.total, 'CNY', 'zh-CN'));
  });

  it('e-mails the PDF to a contact through SES, marks the quote sent, and the mailbox holds the attachment', async () => {
    const contact = await sales1.post<{ id: string; email: string }>('/api/contacts', aContact());
    const deal = await putDeal({ ownerId: SALES1 });
    const quote = await aQuote(sales1, deal.id);
    const res = await sales1.post<Quote>(`/api/quotes/${quote.id}/send`, {
      contactId: contact.body.id,
      message: 'As discussed',
      version: quote.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('sent');
    expect(res.body.sentTo?.email).toBe(contact.body.email);
    const store = (await (await fetch(`${env.runtime.mailboxUrl}store`)).json()) as {
      emails: {
        destination: { to: string[] };
        subject: string;
        attachments: { filename: string; contentType: string; content: string }[];
      }[];
    };
    const mail = store.emails.find((m) => m.destination.to.includes(contact.body.email));
    expect(mail?.subject).toContain(quote.number);
    expect(mail?.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({ filename: `${quote.number}.pdf`, contentType: 'application/pdf' });
    expect(Buffer.from(mail!.attachments[0]!.content, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses to send to a contact the rep cannot see (400) and leaves the quote a draft', async () => {
    const foreign = await sales2.post<{ id: string }>('/api/contacts', aContact());
    const deal = await putDeal({ ownerId: SALES1 });
    const quote = await aQuote(sales1, deal.id);
    const res = await sales1.post(`/api/quotes/${quote.id}/send`, { contactId: foreign.body.id, version: 1 });
    expect(res.status).toBe(400);
    expect((await sales1.get<Quote>(`/api/quotes/${quote.id}`)).body.status).toBe('draft');
  });
});
