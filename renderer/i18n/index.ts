// The app's one translation layer (i18next). Every string a user reads comes from
// renderer/locales/<language>.json through `t`; the catalogs' keys are typed (i18next.d.ts),
// so a key missing from the English catalog is a type error, and a test keeps the other
// catalogs' keys and {{variables}} equal to it.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhTW from '../locales/zh-TW.json';
import { initialLanguage, rememberLanguage, type Language } from './language';

export const resources = { en: { translation: en }, 'zh-TW': { translation: zhTW } } as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes what it renders; escaping here as well would show &amp; to the student.
  interpolation: { escapeValue: false },
  // The catalogs are bundled: initialise now, so the first render is already translated.
  initAsync: false,
});
setDocumentLanguage(i18next.language as Language);

function setDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the app's language at once and remembers it; nothing else in the app changes. */
export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  setDocumentLanguage(language);
  rememberLanguage(language);
}

export const t = i18next.t.bind(i18next);
export { i18next };
