import { readQuoteOrThrow } from '../../shared/app/quotes/quote-commands.js';
import { sendQuote } from '../../shared/app/quotes/quote-mail.js';
import { pdfFileName } from '../../shared/domain/quotes/pdf-file.js';
import { quoteIdParams, quoteSend } from '../../shared/domain/quotes/quote.schema.js';
import { expectedVersion } from '../../shared/http/expected-version.js';
import { binaryDownload, defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/**
 * Lambda entry of quote documents: the PDF download and sending it by e-mail. Kept apart from
 * the quotes function because pdf-lib, fontkit and the font make it big (see bench/budgets.json).
 */
export const handler = createHandler('quotePdf', {
  'GET /api/quotes/{id}/pdf': defineRoute({
    params: quoteIdParams,
    handle: async ({ params, principal }) => {
      const { quote, deal } = await readQuoteOrThrow(params.id, principal);
      // pdf-lib and fontkit load on the first render, not at cold start (init time budget).
      const { renderQuotePdf } = await import('./quote-pdf.js');
      return binaryDownload(pdfFileName(quote), 'application/pdf', await renderQuotePdf({ quote, deal }));
    },
  }),
  'POST /api/quotes/{id}/send': defineRoute({
    params: quoteIdParams,
    body: quoteSend,
    handle: async ({ params, body, principal, headers }) => {
      const { version, ...input } = body;
      return ok(await sendQuote(params.id, input, expectedVersion(version, headers['if-match']), principal));
    },
  }),
});
