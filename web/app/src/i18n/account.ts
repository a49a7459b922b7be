import type { Messages } from './messages';

/*
 * Texts of the signed-in user's own pages (Account security), in their own module; the console
 * merges them under the key `account` (see ./en.ts and ./zh-CN.ts).
 */
export const accountEn = {
  nav: 'Account security',
  mfaColumn: 'MFA',
  mfaOn: 'Authenticator app',
  security: {
    title: 'Account security',
    intro: 'How you sign in to Cirrus CRM.',
    mfaTitle: 'Authenticator app (two-step sign-in)',
    mfaHelp:
      'After your password, Cirrus asks for a 6-digit code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password, …).',
    requiredNotice: 'Administrators and system administrators must use an authenticator app.',
    enrolFirst: 'Set up an authenticator app to continue. Until then, nothing else in Cirrus is available to you.',
    enrolled: 'Set up',
    enrolledSince: 'Set up on {{date}}',
    notEnrolled: 'Not set up',
    start: 'Set up authenticator app',
    replace: 'Replace authenticator app',
    step1: 'Scan this QR code with your authenticator app',
    manual: 'Or enter this key by hand',
    openInApp: 'Open in an authenticator app on this device',
    copied: 'Key copied',
    step2: 'Enter the 6-digit code the app shows',
    verify: 'Verify and turn on',
    cancel: 'Cancel',
    codeInvalid: 'That code is not right. Enter the current code from the app.',
    done: 'Your authenticator app is set up. Cirrus will ask for a code each time you sign in.',
    refreshing: 'Refreshing your session…',
    continue: 'Continue to Cirrus',
  },
};

export const accountZh: Messages<typeof accountEn> = {
  nav: '账户安全',
  mfaColumn: '多因素认证',
  mfaOn: '身份验证器',
  security: {
    title: '账户安全',
    intro: '您登录 Cirrus CRM 的方式。',
    mfaTitle: '身份验证器应用（两步登录）',
    mfaHelp:
      '输入密码后，Cirrus 会要求输入手机上身份验证器应用（Google Authenticator、Microsoft Authenticator、1Password 等）显示的 6 位验证码。',
    requiredNotice: '管理员和系统管理员必须使用身份验证器应用。',
    enrolFirst: '请先设置身份验证器应用。设置完成之前，Cirrus 的其他功能均不可用。',
    enrolled: '已设置',
    enrolledSince: '设置于 {{date}}',
    notEnrolled: '未设置',
    start: '设置身份验证器应用',
    replace: '更换身份验证器应用',
    step1: '用身份验证器应用扫描此二维码',
    manual: '或手动输入此密钥',
    openInApp: '在本设备的身份验证器应用中打开',
    copied: '密钥已复制',
    step2: '输入应用显示的 6 位验证码',
    verify: '验证并开启',
    cancel: '取消',
    codeInvalid: '验证码不正确，请输入应用当前显示的验证码。',
    done: '身份验证器应用已设置。今后每次登录 Cirrus 都需要输入验证码。',
    refreshing: '正在刷新会话…',
    continue: '继续使用 Cirrus',
  },
};
