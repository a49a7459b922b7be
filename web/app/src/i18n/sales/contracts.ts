import type { Messages } from '../messages';

/*
 * Texts of the contracts pages, in their own module so that each sales context owns its texts.
 * The console merges them under the key `contracts` (see ../en.ts and ../zh-CN.ts).
 */
export const contractsEn = {
  title: 'Contracts',
};

export const contractsZh: Messages<typeof contractsEn> = {
  title: '合同',
};
