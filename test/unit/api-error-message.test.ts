import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, localizedMessage } from '../../web/app/src/api/api-error.js';
import { apiErrorsEn, apiErrorsZhCN } from '../../web/app/src/i18n/api-errors.js';

/** The console's words for an API error: its code's text in the chosen language, else the API's message. */
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: {
      en: { translation: { apiErrors: apiErrorsEn } },
      'zh-CN': { translation: { apiErrors: apiErrorsZhCN } },
    },
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

const taken = new ApiError(409, 'contact.email_taken', 'Another contact already has this e-mail (contact c-1)', {
  email: 'Already used by contact c-1',
});

describe('localizedMessage', () => {
  it('shows a known code in Chinese when the console is in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(localizedMessage(taken, i18n.t)).toBe('已有其他联系人使用此邮箱。');
  });

  it('shows a known code in the console’s English when the console is in English', async () => {
    await i18n.changeLanguage('en');
    expect(localizedMessage(taken, i18n.t)).toBe('Another contact already has this e-mail.');
  });

  it.each([
    ['a code this build does not know', new ApiError(409, 'contact.newer_rule', 'A rule added after this build')],
    ['a context-only prefix of known codes', new ApiError(409, 'contact', 'Not a code')],
    ['a proxy answer without a code', new ApiError(502, 'http_502', 'Bad Gateway')],
    ['a request that got no answer', new ApiError(0, 'network_error', 'The server could not be reached')],
  ])('falls back to the API’s message for %s', async (_case, error) => {
    await i18n.changeLanguage('zh-CN');
    expect(localizedMessage(error, i18n.t)).toBe(error.message);
  });
});
