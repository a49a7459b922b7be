import type { EmailTemplateKey } from '../domain/notifications/kinds.js';
import type { EmailTemplate } from './templates.js';

/**
 * E-mails of the notification kinds (shared/domain/notifications/kinds.ts), in English and
 * Simplified Chinese. Rendered with LiquidJS (templates.ts): everything users typed is escaped.
 * `headline` is the kind's sentence (HEADLINES below), rendered first with the same data.
 */
export type EmailLanguage = 'en' | 'zh-CN';

export const NOTIFICATION_EMAILS: Record<EmailTemplateKey, Record<EmailLanguage, EmailTemplate>> = {
  reminder: {
    en: {
      subject: 'Reminder: {{ headline }}',
      html: `<p>Hello {{ recipientName }},</p>
<p>{{ headline }}</p>
<p><a href="{{ link }}">Open it in Cirrus CRM</a></p>
<p style="color:#888">You can turn these e-mails off under Notifications → Preferences.</p>`,
      text: `Hello {{ recipientName }},

{{ headline }}
Open it in Cirrus CRM: {{ link }}

You can turn these e-mails off under Notifications → Preferences.
`,
    },
    'zh-CN': {
      subject: '提醒：{{ headline }}',
      html: `<p>{{ recipientName }}，您好：</p>
<p>{{ headline }}</p>
<p><a href="{{ link }}">在 Cirrus CRM 中打开</a></p>
<p style="color:#888">可在“通知 → 偏好设置”中关闭此类邮件。</p>`,
      text: `{{ recipientName }}，您好：

{{ headline }}
在 Cirrus CRM 中打开：{{ link }}

可在“通知 → 偏好设置”中关闭此类邮件。
`,
    },
  },
  assignment: {
    en: {
      subject: '{{ actorName }} assigned {{ entityLabel }} {{ entityName }} to you',
      html: `<p>Hello {{ recipientName }},</p>
<p>{{ actorName }} made you the owner of the {{ entityLabel }} <strong>{{ entityName }}</strong>.</p>
<p><a href="{{ link }}">Open it in Cirrus CRM</a></p>`,
      text: `Hello {{ recipientName }},

{{ actorName }} made you the owner of the {{ entityLabel }} {{ entityName }}.
Open it in Cirrus CRM: {{ link }}
`,
    },
    'zh-CN': {
      subject: '{{ actorName }} 将{{ entityLabel }} {{ entityName }} 分配给了您',
      html: `<p>{{ recipientName }}，您好：</p>
<p>{{ actorName }} 将{{ entityLabel }} <strong>{{ entityName }}</strong> 分配给了您。</p>
<p><a href="{{ link }}">在 Cirrus CRM 中打开</a></p>`,
      text: `{{ recipientName }}，您好：

{{ actorName }} 将{{ entityLabel }} {{ entityName }} 分配给了您。
在 Cirrus CRM 中打开：{{ link }}
`,
    },
  },
};

/** The sentence of each reminder kind (Liquid, same data as the e-mail). */
export const HEADLINES: Record<string, Record<EmailLanguage, string>> = {
  'contract.expiring': {
    en: 'Contract {{ entityName }} ends on {{ endDate }} ({{ days }} {% if days == "1" or days == 1 %}day{% else %}days{% endif %} left).',
    'zh-CN': '合同 {{ entityName }} 将于 {{ endDate }} 到期（剩余 {{ days }} 天）。',
  },
  'contract.expired': {
    en: 'Contract {{ entityName }} ended on {{ endDate }}.',
    'zh-CN': '合同 {{ entityName }} 已于 {{ endDate }} 到期。',
  },
  'task.due': {
    en: 'Task {{ entityName }} is due at {{ dueAt }}.',
    'zh-CN': '任务 {{ entityName }} 的截止时间为 {{ dueAt }}。',
  },
};

export const ENTITY_LABELS: Record<string, Record<EmailLanguage, string>> = {
  contact: { en: 'contact', 'zh-CN': '联系人' },
  company: { en: 'company', 'zh-CN': '公司' },
  deal: { en: 'deal', 'zh-CN': '商机' },
  task: { en: 'task', 'zh-CN': '任务' },
  contract: { en: 'contract', 'zh-CN': '合同' },
};
