import type { Language } from '../../shared/language';

/** Every string the portal shows, in both languages. Small enough not to need i18next. */
const en = {
  brand: 'Cirrus',
  portal: 'Customer portal',
  badge: 'Coming soon',
  title: 'Your self-service portal is on its way',
  lead: 'Soon you will be able to take care of everything with us in one place, from any device.',
  featuresTitle: 'What you will be able to do',
  ticketsTitle: 'Support tickets',
  ticketsText: 'Open a request and follow every reply until it is solved.',
  kbTitle: 'Help articles',
  kbText: 'Find answers in our knowledge base, any time of day.',
  prefsTitle: 'Email preferences',
  prefsText: 'Choose which emails you receive, or unsubscribe in one click.',
  meanwhile: 'Until then, reply to any email from us and our team will help you.',
  language: 'Language',
  staff: 'Staff sign-in',
  footer: 'Cirrus CRM',
};

export type Messages = typeof en;

const zhCN: Messages = {
  brand: 'Cirrus',
  portal: '客户门户',
  badge: '即将上线',
  title: '您的自助服务门户即将上线',
  lead: '很快，您就可以随时随地在一个地方办理与我们相关的所有事务。',
  featuresTitle: '上线后您可以',
  ticketsTitle: '服务工单',
  ticketsText: '提交请求，并跟踪每一条回复，直到问题解决。',
  kbTitle: '帮助文章',
  kbText: '随时在知识库中查找答案。',
  prefsTitle: '邮件偏好',
  prefsText: '选择您希望接收的邮件，或一键退订。',
  meanwhile: '在此之前，直接回复我们的任意一封邮件，我们的团队就会为您提供帮助。',
  language: '语言',
  staff: '员工登录',
  footer: 'Cirrus CRM',
};

export const MESSAGES: Record<Language, Messages> = { en, 'zh-CN': zhCN };
