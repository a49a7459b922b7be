import type { Principal } from '../../auth/principal.js';
import { inScope, recordScopeOf } from '../../auth/principal.js';
import type { QuoteDeal } from '../../db/quotes.repository.js';
import { AppError, invalid } from '../../domain/common/errors.js';
import { formatMoney } from '../../domain/common/money.js';
import { pdfFileName } from '../../domain/quotes/pdf-file.js';
import type { Quote, QuoteLanguage, QuoteSend } from '../../domain/quotes/quote.schema.js';
import { sendEmail } from '../../email/mailer.js';
import { type EmailTemplate, renderEmail } from '../../email/templates.js';
import { changeQuoteStatus, readQuoteOrThrow } from './quote-commands.js';

/**
 * Sends a quote's PDF to a contact by e-mail (SES v2, the PDF as an attachment) and marks the
 * quote sent. The contact must be one the sender may see and must have an e-mail address. The
 * message goes first: the status write that follows is conditioned on the version the sender
 * saw, so a quote edited meanwhile answers 409 (the e-mail has then gone with the version read).
 */

const TEMPLATES: Record<QuoteLanguage, EmailTemplate> = {
  en: {
    subject: 'Quote {{ number }}{% if title %}: {{ title }}{% endif %}',
    html: `<p>Dear {{ name }},</p>
{% if message %}<p>{{ message | newline_to_br }}</p>{% endif %}
<p>Please find attached our quote <strong>{{ number }}</strong> for a total of <strong>{{ total }}</strong>{% if validUntil %}, valid until {{ validUntil }}{% endif %}.</p>
<p>Kind regards,<br>{{ sender }}</p>`,
    text: `Dear {{ name }},
{% if message %}
{{ message }}
{% endif %}
Please find attached our quote {{ number }} for a total of {{ total }}{% if validUntil %}, valid until {{ validUntil }}{% endif %}.

Kind regards,
{{ sender }}`,
  },
  'zh-CN': {
    subject: '报价单 {{ number }}{% if title %}：{{ title }}{% endif %}',
    html: `<p>{{ name }}，您好：</p>
{% if message %}<p>{{ message | newline_to_br }}</p>{% endif %}
<p>附件为我们的报价单 <strong>{{ number }}</strong>，总计 <strong>{{ total }}</strong>{% if validUntil %}，有效期至 {{ validUntil }}{% endif %}。</p>
<p>此致<br>{{ sender }}</p>`,
    text: `{{ name }}，您好：
{% if message %}
{{ message }}
{% endif %}
附件为我们的报价单 {{ number }}，总计 {{ total }}{% if validUntil %}，有效期至 {{ validUntil }}{% endif %}。

此致
{{ sender }}`,
  },
};

/** Renders a quote's PDF: the quotePdf function's renderer (pdf-lib), passed in by its entry. */
export type RenderQuotePdf = (context: { quote: Quote; deal: QuoteDeal }) => Promise<Uint8Array>;

export async function sendQuote(
  id: string,
  input: Omit<QuoteSend, 'version'>,
  version: number,
  principal: Principal,
  renderQuotePdf: RenderQuotePdf,
): Promise<Quote> {
  const { quote, deal, contact } = await readQuoteOrThrow(id, principal, input.contactId);
  if (quote.status !== 'draft' && quote.status !== 'sent') {
    throw new AppError('conflict', 'quote.invalid_transition', `A ${quote.status} quote cannot be sent`);
  }
  if (quote.version !== version) {
    throw new AppError('conflict', 'request.stale_version', 'This quote was changed by someone else; reload it');
  }
  if (!contact || contact.deletedAt || !inScope(recordScopeOf(principal), contact)) {
    throw invalid({ contactId: 'Unknown contact' });
  }
  if (!contact.email) throw invalid({ contactId: 'This contact has no e-mail address' });
  const sentTo = { contactId: contact.id, name: contact.name, email: contact.email };
  const pdf = await renderQuotePdf({ quote: { ...quote, sentTo }, deal });
  const mail = await renderEmail(TEMPLATES[quote.language], {
    name: contact.name,
    number: quote.number,
    title: quote.title ?? '',
    total: formatMoney(quote.totals.total, quote.currency, quote.language),
    validUntil: quote.validUntil ?? '',
    message: input.message ?? '',
    sender: principal.name,
  });
  await sendEmail({
    to: contact.email,
    ...mail,
    attachments: [{ filename: pdfFileName(quote), contentType: 'application/pdf', content: pdf }],
  });
  // Re-sending a sent quote records the new recipient without another status change.
  if (quote.status === 'sent') return quote;
  return changeQuoteStatus(id, 'sent', version, principal, { sentTo }, undefined, quote);
}
