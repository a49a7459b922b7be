/**
 * The two UI languages, and how the console and the portal agree on the visitor's choice:
 * one localStorage key, defaulting to the browser's language. Plain TypeScript: the portal
 * imports this without pulling in any console code.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'cirrus.lang';

/** Labels are in the language they name, so a visitor can always find their own. */
export const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

/** Any Chinese variant reads Simplified Chinese; everything else falls back to English. */
export function normalizeLanguage(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, policy): use the browser's language
  }
}

export function detectLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return normalizeLanguage(stored);
  return normalizeLanguage(navigator.languages?.[0] ?? navigator.language);
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}
