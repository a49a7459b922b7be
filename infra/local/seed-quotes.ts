import { type SeedToken, seedApi } from './seed-api.js';

/**
 * Demo price list and quotes on a first start, written through the API so they carry owners'
 * scope and audit trails: eight products (English and Chinese names, CNY and USD), then a few
 * quotes on the seeded deals of each rep, in English and Chinese, some sent and one accepted.
 * Nothing is written when the price list already has a product: a restart changes nothing.
 */
const PRODUCTS = [
  {
    name: 'CRM licence (per seat, yearly)',
    nameZh: 'CRM 授权（每席位/年）',
    sku: 'CRM-SEAT-Y',
    unitPrice: 1_200_00,
    currency: 'CNY',
    taxRate: 600,
  },
  {
    name: 'Enterprise edition upgrade',
    nameZh: '企业版升级',
    sku: 'CRM-ENT-UP',
    unitPrice: 30_000_00,
    currency: 'CNY',
    taxRate: 600,
  },
  { name: 'Data migration', nameZh: '数据迁移', sku: 'SVC-MIGR', unitPrice: 8_000_00, currency: 'CNY', taxRate: 600 },
  {
    name: 'Onboarding workshop (day)',
    nameZh: '上线培训（天）',
    sku: 'SVC-TRAIN-D',
    unitPrice: 5_000_00,
    currency: 'CNY',
    taxRate: 600,
  },
  {
    name: 'Premium support plan',
    nameZh: '高级支持服务',
    sku: 'SUP-PREM',
    unitPrice: 12_000_00,
    currency: 'CNY',
    taxRate: 600,
  },
  {
    name: 'On-premise deployment',
    nameZh: '私有化部署',
    sku: 'SVC-ONPREM',
    unitPrice: 50_000_00,
    currency: 'CNY',
    taxRate: 600,
  },
  {
    name: 'Barcode scanner',
    nameZh: '条码扫描枪',
    sku: 'HW-SCAN-01',
    unitPrice: 899_00,
    currency: 'CNY',
    taxRate: 1300,
  },
  {
    name: 'CRM licence (per seat, yearly, USD)',
    nameZh: 'CRM 授权（美元）',
    sku: 'CRM-SEAT-USD',
    unitPrice: 180_00,
    currency: 'USD',
    taxRate: 0,
  },
];

type Product = (typeof PRODUCTS)[number] & { id: string };
type Deal = { id: string; name: string; currency: string; status: string; ownerId: string };
type Quote = { id: string; version: number };

export async function seedQuotes(baseUrl: string, token: SeedToken): Promise<number> {
  const call = seedApi(baseUrl, token, 'quotes');
  const admin = 'admin@cirrus.local';
  const existing = await call<{ items: unknown[] }>(admin, 'GET', '/api/products?limit=1');
  if (existing.items.length > 0) return 0;
  const products: Product[] = [];
  for (const p of PRODUCTS) products.push(await call<Product>(admin, 'POST', '/api/products', p));

  let made = 0;
  for (const [r, rep] of ['sales1@cirrus.local', 'sales2@cirrus.local', 'manager@cirrus.local'].entries()) {
    const deals = (await call<{ items: Deal[] }>(rep, 'GET', '/api/deals?limit=20')).items.filter(
      (d) => d.status === 'open',
    );
    for (const [i, deal] of deals.slice(0, 3).entries()) {
      const zh = (i + r) % 2 === 0;
      const priced = products.filter((p) => p.currency === deal.currency).slice(i, i + 3);
      const lines = (priced.length ? priced : products.slice(0, 2)).map((p, n) => ({
        ...(p.currency === deal.currency ? { productId: p.id } : {}),
        description: zh ? p.nameZh : p.name,
        quantityMilli: (n + 1) * (p.sku.startsWith('SVC-TRAIN') ? 500 : 5000),
        unitPrice: p.unitPrice,
        taxRate: p.taxRate,
        ...(n === 0 ? { discount: { type: 'percent', basisPoints: 1000 } } : {}),
      }));
      const quote = await call<Quote>(rep, 'POST', '/api/quotes', {
        dealId: deal.id,
        title: zh ? `${deal.name} 报价` : `${deal.name} proposal`,
        language: zh ? 'zh-CN' : 'en',
        lines,
        ...(i === 1 ? { discount: { type: 'percent', basisPoints: 500 } } : {}),
        notes: zh ? '付款方式：合同签订后 30 天内付清。' : 'Payment within 30 days of signature.',
      });
      made++;
      if (i >= 1) {
        const sent = await call<Quote>(rep, 'POST', `/api/quotes/${quote.id}/status`, { status: 'sent', version: 1 });
        if (i === 2)
          await call(rep, 'POST', `/api/quotes/${quote.id}/status`, { status: 'accepted', version: sent.version });
      }
    }
  }
  return made;
}
