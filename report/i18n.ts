// The report's own words, in English and Traditional Chinese. Its catalogs are not the app's:
// the CLI writes the report too, and report/ may not import the renderer. An i18next instance
// of its own (not the app's global one) so the CLI and the app can each write a report in any
// language without switching the window's.
import i18next, { type i18n } from 'i18next';
import en from './locales/en.json';
import zhTW from './locales/zh-TW.json';
import { escapeHtml } from './escape';

import { LANGUAGES, type Language } from '../core/messages/languages';

export const REPORT_LANGUAGES = LANGUAGES;
export type ReportLanguage = Language;

/** Every message's key, nested keys joined with dots (the English catalog is the reference). */
type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ReportKey = Keys<typeof en>;
export type ReportVars = Record<string, string | number>;

export interface ReportWords {
  language: ReportLanguage;
  /** The message as plain text, for an SVG chart option or before escaping. */
  text(key: ReportKey, vars?: ReportVars): string;
  /** The message as HTML: the catalog's words and every variable escaped. */
  html(key: ReportKey, vars?: ReportVars): string;
  /**
   * The message as HTML with `markup` variables inserted as they are: the caller builds them
   * from escaped pieces (a name in <b>). The catalog's words are escaped around them.
   */
  withMarkup(key: ReportKey, markup: Record<string, string>, vars?: ReportVars): string;
}

const instances = new Map<ReportLanguage, i18n>();

function instance(language: ReportLanguage): i18n {
  let made = instances.get(language);
  if (!made) {
    made = i18next.createInstance();
    void made.init({
      resources: { en: { translation: en }, 'zh-TW': { translation: zhTW } },
      lng: language,
      fallbackLng: 'en',
      // The report escapes for HTML itself (escape.ts), after formatting: escaping here as well
      // would print &amp;lt; in the file, and text meant for a chart's SVG must stay raw.
      interpolation: { escapeValue: false },
      // The catalogs are bundled: ready at once, so buildLabReport stays synchronous.
      initAsync: false,
    });
    instances.set(language, made);
  }
  return made;
}

/** A marker no catalog message or user text contains, so a markup variable is found again after escaping. */
const MARK = (i: number) => `\u0000${i}\u0000`;

export function reportWords(language: ReportLanguage = 'en'): ReportWords {
  const i = instance(language);
  // i18next's types know only the app's catalog (renderer/i18n/i18next.d.ts); these keys are
  // checked against the report's own catalog by ReportKey instead.
  const t = i.t.bind(i) as unknown as (key: string, vars?: ReportVars) => string;
  const text = (key: ReportKey, vars?: ReportVars) => t(key, vars);
  return {
    language,
    text,
    html: (key, vars) => escapeHtml(text(key, vars)),
    withMarkup(key, markup, vars) {
      const names = Object.keys(markup);
      const marked = Object.fromEntries(names.map((name, k) => [name, MARK(k)]));
      let out = escapeHtml(text(key, { ...vars, ...marked }));
      names.forEach((name, k) => {
        out = out.split(MARK(k)).join(markup[name]);
      });
      return out;
    },
  };
}
