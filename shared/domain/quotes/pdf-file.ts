import type { Quote } from './quote.schema.js';

/** The download's file name: the quote number, which is ours and ASCII. */
export const pdfFileName = (quote: Pick<Quote, 'number'>) => `${quote.number}.pdf`;
