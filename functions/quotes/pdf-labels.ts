import type { QuoteLanguage, QuoteStatus } from '../../shared/domain/quotes/quote.schema.js';

/** The words printed on a quote PDF, in the quote's language. */
export interface PdfLabels {
  title: string;
  number: string;
  date: string;
  validUntil: string;
  deal: string;
  customer: string;
  preparedBy: string;
  status: Record<QuoteStatus, string>;
  columns: {
    index: string;
    item: string;
    quantity: string;
    unitPrice: string;
    discount: string;
    tax: string;
    amount: string;
  };
  subtotal: string;
  discount: string;
  quoteDiscount: string;
  tax: string;
  total: string;
  notes: string;
  page: (n: number, of: number) => string;
  amountsIn: (currency: string) => string;
}

export const PDF_LABELS: Record<QuoteLanguage, PdfLabels> = {
  en: {
    title: 'Quotation',
    number: 'Quote no.',
    date: 'Date',
    validUntil: 'Valid until',
    deal: 'Deal',
    customer: 'Customer',
    preparedBy: 'Prepared by',
    status: { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected' },
    columns: {
      index: '#',
      item: 'Item',
      quantity: 'Qty',
      unitPrice: 'Unit price',
      discount: 'Discount',
      tax: 'Tax',
      amount: 'Amount',
    },
    subtotal: 'Subtotal',
    discount: 'Line discounts',
    quoteDiscount: 'Quote discount',
    tax: 'Tax',
    total: 'Total',
    notes: 'Notes',
    page: (n, of) => `Page ${n} of ${of}`,
    amountsIn: (currency) => `Amounts in ${currency}`,
  },
  'zh-CN': {
    title: '报价单',
    number: '报价单号',
    date: '日期',
    validUntil: '有效期至',
    deal: '商机',
    customer: '客户',
    preparedBy: '报价人',
    status: { draft: '草稿', sent: '已发送', accepted: '已接受', rejected: '已拒绝' },
    columns: {
      index: '序号',
      item: '项目',
      quantity: '数量',
      unitPrice: '单价',
      discount: '折扣',
      tax: '税额',
      amount: '金额',
    },
    subtotal: '小计',
    discount: '行折扣',
    quoteDiscount: '整单折扣',
    tax: '税额',
    total: '总计',
    notes: '备注',
    page: (n, of) => `第 ${n} 页，共 ${of} 页`,
    amountsIn: (currency) => `金额单位：${currency}`,
  },
};
