import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { QuoteDeal } from '../../shared/db/quotes.repository.js';
import { formatMoney } from '../../shared/domain/common/money.js';
import type { Quote, QuoteLine } from '../../shared/domain/quotes/quote.schema.js';
import { formatQuantity, formatRate } from '../../shared/domain/quotes/quote-math.js';
import { PDF_LABELS, type PdfLabels } from './pdf-labels.js';
import { quoteFontFor } from './quote-font.js';

/**
 * Renders a quote as an A4 PDF with pdf-lib: header, customer block, the line table (wrapped
 * descriptions, repeated header on every page), totals and notes, page numbers. One CJK-capable
 * font (Noto Sans SC) prints English and Chinese alike, cut to the characters this document
 * prints (quote-font.ts), so a quote is tens of KB. Labels follow the quote's language; amounts are formatted from integer
 * minor units in the quote's currency (0 decimals for JPY, 2 for USD).
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.13, 0.13, 0.16);
const MUTED = rgb(0.42, 0.44, 0.5);
const RULE = rgb(0.82, 0.84, 0.88);
const BAND = rgb(0.94, 0.95, 0.97);
const ACCENT = rgb(0.09, 0.4, 0.85);

type Align = 'left' | 'right';
interface Column {
  key: keyof PdfLabels['columns'];
  width: number;
  align: Align;
}
const COLUMNS: Column[] = [
  { key: 'index', width: 26, align: 'left' },
  { key: 'item', width: 183, align: 'left' },
  { key: 'quantity', width: 46, align: 'right' },
  { key: 'unitPrice', width: 72, align: 'right' },
  { key: 'discount', width: 54, align: 'right' },
  { key: 'tax', width: 54, align: 'right' },
  { key: 'amount', width: 64, align: 'right' },
];
const CELL_PAD = 4;
const BODY = 9;
const LEADING = 12;

export interface PdfContext {
  quote: Quote;
  deal: Pick<QuoteDeal, 'name'> & { companyName?: string };
}

/** Splits text into lines that fit `width`: at spaces for words, anywhere for CJK or long words. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    const tokens = paragraph.match(
      /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g,
    ) ?? [''];
    for (const token of tokens) {
      const candidate = line + token;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = token.trimStart();
      // A single token wider than the line (a long SKU or URL) is cut by characters.
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

class Writer {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  text(value: string, x: number, size: number, color = INK, align: Align = 'left', width = 0): void {
    // Shrink what would overflow its cell rather than print over the next one.
    let s = size;
    while (width > 0 && s > 5 && this.font.widthOfTextAtSize(value, s) > width) s -= 0.5;
    const w = this.font.widthOfTextAtSize(value, s);
    const left = align === 'right' ? x + width - w : x;
    this.page.drawText(value, { x: left, y: this.y, size: s, font: this.font, color });
  }

  rule(y: number, color = RULE, thickness = 0.6): void {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + WIDTH, y }, thickness, color });
  }
}

function drawTableHeader(w: Writer, labels: PdfLabels): void {
  const height = 18;
  w.page.drawRectangle({ x: MARGIN, y: w.y - height + 12, width: WIDTH, height, color: BAND });
  w.y -= 1;
  let x = MARGIN;
  for (const c of COLUMNS) {
    w.text(labels.columns[c.key], x + CELL_PAD, 8.5, MUTED, c.align, c.width - 2 * CELL_PAD);
    x += c.width;
  }
  w.y -= height;
}

function cells(line: QuoteLine, index: number, quote: Quote, locale: string): Record<Column['key'], string> {
  const money = (n: number) => formatMoney(n, quote.currency, locale);
  let discount = '';
  if (line.discount?.type === 'percent') discount = formatRate(line.discount.basisPoints);
  else if (line.discount?.type === 'amount') discount = money(line.amounts.discount);
  return {
    index: String(index + 1),
    item: line.description,
    quantity: formatQuantity(line.quantityMilli),
    unitPrice: money(line.unitPrice),
    discount,
    tax: formatRate(line.taxRate),
    amount: money(line.amounts.net),
  };
}

export async function renderQuotePdf({ quote, deal }: PdfContext): Promise<Uint8Array> {
  const labels = PDF_LABELS[quote.language];
  const locale = quote.language;
  const money = (n: number) => formatMoney(n, quote.currency, locale);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await quoteFontFor(charactersOf(quote, deal, labels, locale)), {
    subset: false,
    // fontkit's `locl` lookup swaps digits for glyphs the PDF spaces like full-width ones.
    features: { locl: false },
  });
  doc.setTitle(`${labels.title} ${quote.number}`);
  doc.setLanguage(quote.language);
  doc.setCreator('Cirrus CRM');
  doc.setProducer('Cirrus CRM (pdf-lib)');
  doc.setCreationDate(new Date(quote.createdAt));

  const w = new Writer(doc, font);
  w.newPage();

  // Header: title and number on the left, status and dates on the right.
  w.text(labels.title, MARGIN, 22, ACCENT);
  w.text(labels.status[quote.status], MARGIN, 11, MUTED, 'right', WIDTH);
  w.y -= 26;
  w.text(quote.title ?? quote.dealName, MARGIN, 12, INK, 'left', WIDTH * 0.65);
  w.y -= 22;
  const facts: [string, string][] = [
    [labels.number, quote.number],
    [labels.date, quote.createdAt.slice(0, 10)],
    ...(quote.validUntil ? [[labels.validUntil, quote.validUntil] as [string, string]] : []),
    [labels.deal, deal.name],
    ...(deal.companyName ? [[labels.customer, deal.companyName] as [string, string]] : []),
    ...(quote.sentTo ? [[labels.customer, `${quote.sentTo.name} <${quote.sentTo.email}>`] as [string, string]] : []),
    [labels.preparedBy, quote.createdBy.name],
  ];
  for (const [label, value] of facts) {
    w.text(label, MARGIN, BODY, MUTED, 'left', 90);
    w.text(value, MARGIN + 96, BODY, INK, 'left', WIDTH - 96);
    w.y -= LEADING + 2;
  }
  w.y -= 2;
  w.text(labels.amountsIn(quote.currency), MARGIN, 8, MUTED, 'right', WIDTH);
  w.y -= 16;
  drawTableHeader(w, labels);

  const itemWidth = COLUMNS[1]!.width - 2 * CELL_PAD;
  quote.lines.forEach((line, i) => {
    const description = wrapText(line.description, font, BODY, itemWidth);
    const sub = line.sku ? wrapText(line.sku, font, 7.5, itemWidth) : [];
    const height = (description.length + sub.length) * LEADING + 6;
    if (w.y - height < MARGIN + 24) {
      w.newPage();
      drawTableHeader(w, labels);
    }
    const values = cells(line, i, quote, locale);
    const top = w.y;
    let x = MARGIN;
    for (const c of COLUMNS) {
      if (c.key !== 'item') w.text(values[c.key], x + CELL_PAD, BODY, INK, c.align, c.width - 2 * CELL_PAD);
      x += c.width;
    }
    for (const text of description) {
      w.text(text, MARGIN + COLUMNS[0]!.width + CELL_PAD, BODY);
      w.y -= LEADING;
    }
    for (const text of sub) {
      w.text(text, MARGIN + COLUMNS[0]!.width + CELL_PAD, 7.5, MUTED);
      w.y -= LEADING;
    }
    w.y = top - height;
    w.rule(w.y + 8);
  });

  // Totals, right-aligned under the amount column.
  const totals: [string, string, number][] = [[labels.subtotal, money(quote.totals.subtotal), 10]];
  if (quote.totals.lineDiscount > 0) totals.push([labels.discount, `−${money(quote.totals.lineDiscount)}`, 10]);
  if (quote.totals.quoteDiscount > 0) {
    const rate = quote.discount?.type === 'percent' ? ` (${formatRate(quote.discount.basisPoints)})` : '';
    totals.push([`${labels.quoteDiscount}${rate}`, `−${money(quote.totals.quoteDiscount)}`, 10]);
  }
  totals.push([labels.tax, money(quote.totals.tax), 10], [labels.total, money(quote.totals.total), 13]);
  if (w.y - totals.length * 18 < MARGIN + 24) w.newPage();
  w.y -= 8;
  const labelX = MARGIN + WIDTH - 260;
  for (const [label, value, size] of totals) {
    if (label === labels.total) {
      w.page.drawLine({
        start: { x: labelX, y: w.y + size + 3 },
        end: { x: MARGIN + WIDTH, y: w.y + size + 3 },
        thickness: 0.8,
        color: INK,
      });
    }
    w.text(label, labelX, size, label === labels.total ? INK : MUTED, 'left', 130);
    w.text(value, labelX + 130, size, INK, 'right', 130);
    w.y -= size + 8;
  }

  if (quote.notes) {
    const notes = wrapText(quote.notes, font, BODY, WIDTH);
    w.y -= 12;
    if (w.y - (notes.length + 1) * LEADING < MARGIN + 24) w.newPage();
    w.text(labels.notes, MARGIN, 10, MUTED);
    w.y -= LEADING + 2;
    for (const text of notes) {
      if (w.y < MARGIN + 24) w.newPage();
      w.text(text, MARGIN, BODY);
      w.y -= LEADING;
    }
  }

  w.pages.forEach((page, i) => {
    const footer = `${quote.number} · ${labels.page(i + 1, w.pages.length)}`;
    const size = 8;
    page.drawText(footer, {
      x: MARGIN + WIDTH - font.widthOfTextAtSize(footer, size),
      y: MARGIN - 20,
      size,
      font,
      color: MUTED,
    });
  });
  return doc.save();
}

/** Every character the document may print: what its font is cut to. */
function charactersOf(quote: Quote, deal: PdfContext['deal'], labels: PdfLabels, locale: string): string {
  const money = (n: number) => formatMoney(n, quote.currency, locale);
  return [
    JSON.stringify(labels),
    labels.page(1, 2),
    labels.amountsIn(quote.currency),
    quote.title ?? '',
    quote.dealName,
    deal.name,
    deal.companyName ?? '',
    quote.notes ?? '',
    quote.createdBy.name,
    quote.sentTo ? `${quote.sentTo.name} <${quote.sentTo.email}>` : '',
    ...quote.lines.map((l) => `${l.description}${l.sku ?? ''}`),
    money(0),
    // Printable ASCII (numbers, dates, amounts, e-mail addresses) and the signs we add.
    String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i)),
    '·−',
  ].join('');
}
