import type { Messages } from './messages';

/* Texts of the API reference page; the console merges them under the key `apiReference`. */
export const apiReferenceEn = {
  nav: 'API reference',
  title: 'API reference',
  intro:
    'Every route of the Cirrus CRM API with the permission it needs, what it accepts and how it answers errors. Calls need a bearer token of a signed-in user.',
  download: 'Download openapi.json',
};

export const apiReferenceZh: Messages<typeof apiReferenceEn> = {
  nav: 'API 参考',
  title: 'API 参考',
  intro: 'Cirrus CRM API 的全部路由：所需权限、接受的输入以及错误的返回方式。调用需要已登录用户的 Bearer 令牌。',
  download: '下载 openapi.json',
};
