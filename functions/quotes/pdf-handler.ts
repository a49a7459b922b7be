import { routesOf } from '../../infra/manifest.js';
import { readQuoteOrThrow } from '../../shared/app/quotes/quote-commands.js';
import { type RenderQuotePdf, sendQuote } from '../../shared/app/quotes/quote-mail.js';
import { pdfFileName } from '../../shared/domain/quotes/pdf-file.js';
import { quotePdfApi } from '../../shared/http/contracts/quote-pdf.contract.js';
import { binaryDownload, defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/**
 * Lambda entry of quote documents: the PDF download and sending it by e-mail. Kept apart from
 * the quotes function because pdf-lib, fontkit and the font make it big (see bench/budgets.json).
 */
// pdf-lib and fontkit load on the first render, not at cold start (init time budget).
const renderQuotePdf: RenderQuotePdf = async (context) => (await import('./quote-pdf.js')).renderQuotePdf(context);

export const handler = createHandler(
  routesOf('quotePdf'),
  {
    'GET /api/quotes/{id}/pdf': defineRoute({
      ...quotePdfApi['GET /api/quotes/{id}/pdf'],
      handle: async ({ params, principal }) => {
        const { quote, deal } = await readQuoteOrThrow(params.id, principal);
        return binaryDownload(pdfFileName(quote), 'application/pdf', await renderQuotePdf({ quote, deal }));
      },
    }),
    'POST /api/quotes/{id}/send': defineRoute({
      ...quotePdfApi['POST /api/quotes/{id}/send'],
      handle: async ({ params, body, version, principal }) =>
        ok(await sendQuote(params.id, body, version, principal, renderQuotePdf)),
    }),
  },
  quotePdfApi,
);
