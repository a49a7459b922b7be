import type { Messages } from '../messages';

/*
 * Texts of the quotes pages, in their own module so that each sales context owns its texts.
 * The console merges them under the key `quotes` (see ../en.ts and ../zh-CN.ts).
 */
export const quotesEn = {
  title: 'Quotes',
};

export const quotesZh: Messages<typeof quotesEn> = {
  title: '报价单',
};
