// The languages the app speaks and how a system's language list maps onto them. Pure data and
// functions: the engine's messages, the renderer (renderer/i18n), the CLI and the desktop main process
// both import this, so the two always pick the same language from the same list, and main never
// loads renderer code.

export const LANGUAGES = ['en', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language's name in itself: in full for the language menu, the switch's tooltip and screen
 * readers, short on the toolbar. Written the same in every language, so that a student who cannot
 * read the current one still finds their own.
 */
export const LANGUAGE_NAMES: Record<Language, { full: string; short: string }> = { en: { full: 'English', short: 'EN' }, 'zh-TW': { full: '繁體中文', short: '中文' } };

// Traditional script by tag or by region. A bare "zh" or zh-CN/zh-SG is Simplified, which we do
// not have: those users read English better than a script they were not taught.
const TRADITIONAL = /^zh-(hant|tw|hk|mo)\b/i;

/** The first supported language in `tags` (BCP 47, most preferred first), or null. */
export function matchLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    if (TRADITIONAL.test(tag)) return 'zh-TW';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return null;
}

export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
