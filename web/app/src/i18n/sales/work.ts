import type { Messages } from '../messages';

/*
 * Texts of the work pages, in their own module so that each sales context owns its texts.
 * The console merges them under the key `work` (see ../en.ts and ../zh-CN.ts).
 */
export const workEn = {
  title: 'Work',
};

export const workZh: Messages<typeof workEn> = {
  title: '任务与跟进',
};
