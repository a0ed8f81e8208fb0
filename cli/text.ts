// The CLI's own words around the engine's sentences ("ok", "…and 3 more", where a problem is),
// in the terminal's language (cli/language.ts). The engine's sentences come from core's
// catalogs through `spoken`; these are the CLI's, checked against English by the catalogs test.
import { createInstance, type i18n } from 'i18next';
import { render, spoken, type Language, type Said, type Text } from '../core/index';
import { cliLanguage } from './language';
import en from './locales/en.json';
import zhTW from './locales/zh-TW.json';

export const CLI_CATALOGS = { en, 'zh-TW': zhTW } satisfies Record<Language, unknown>;

// "train.skipped" for a plural pair "train.skipped_one"/"train.skipped_other" (i18next picks the form by count).
type Plain<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? Plain<`${P}${K}`> : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A key of the English catalog: one it lacks does not compile. */
export type CliKey = Leaves<typeof en>;

let instance: i18n | null = null;
function translator(): i18n {
  if (instance) return instance;
  instance = createInstance();
  void instance.init({
    resources: { en: { cli: en }, 'zh-TW': { cli: zhTW } },
    ns: ['cli'],
    defaultNS: 'cli',
    lng: 'en',
    fallbackLng: 'en',
    // A terminal shows text as it is: nothing to escape.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** The CLI's sentence `key` in `language` (the terminal's unless told). */
export function cliText(key: CliKey, params: Record<string, string | number> = {}, language: Language = cliLanguage()): string {
  // Untyped on purpose: the app's typed-key augmentation of i18next describes the app's catalog.
  const t = translator().t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(key, { ...params, lng: language });
}

/** What a problem says, in the terminal's language. */
export const cliSpoken = (p: Said, language: Language = cliLanguage()): string => spoken(p, language);

/** An engine sentence given as a Text alone (a summary, a label), in the terminal's language; a plain string is only symbols or a name. */
export const cliSay = (text: Text | string, language: Language = cliLanguage()): string => (typeof text === 'string' ? text : render(text, language));
