import type { Messages } from '../messages';

/*
 * Texts of the dashboard pages, in their own module so that each sales context owns its texts.
 * The console merges them under the key `dashboard` (see ../en.ts and ../zh-CN.ts).
 */
export const dashboardEn = {
  title: 'Dashboard',
};

export const dashboardZh: Messages<typeof dashboardEn> = {
  title: '仪表盘',
};
