import type { Messages } from '../messages';

/*
 * Texts of the deals pages, in their own module so that each sales context owns its texts.
 * The console merges them under the key `deals` (see ../en.ts and ../zh-CN.ts).
 */
export const dealsEn = {
  title: 'Deals',
};

export const dealsZh: Messages<typeof dealsEn> = {
  title: '商机',
};
