// Which language the app speaks: the user's choice if they made one, else the first of the
// system's languages we have (Electron's renderer reports the system locale in
// navigator.languages, the browser its own list), else English.
import { userStorage } from '../store/user-storage';

export const LANGUAGES = ['en', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself: in full for the switch's tooltip and screen readers, short on the toolbar. */
export const LANGUAGE_NAMES: Record<Language, { full: string; short: string }> = { en: { full: 'English', short: 'EN' }, 'zh-TW': { full: '繁體中文', short: '中文' } };

export const LANGUAGE_KEY = 'bpnn.language';

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

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored choice, else the system's languages, else English. */
export function initialLanguage(store: KeyValue | null = userStorage(), system: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  let stored: string | null = null;
  try {
    stored = store?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    // Storage refused (private mode, disabled): fall through to the system's languages.
  }
  return isLanguage(stored) ? stored : (matchLanguage(system) ?? 'en');
}

export function rememberLanguage(language: Language, store: KeyValue | null = userStorage()): void {
  try {
    store?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered is better than not switched.
  }
}
