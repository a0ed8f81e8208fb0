// The language main speaks in the menu and the native dialogs. Its words live in the renderer's
// catalogs under `main` (renderer/locales/*.json), read through main's own i18next instance.
//
// Who decides: the window. Its stored choice wins; without one it follows the system, and it
// reports its language to main at start and on every switch (language:set). Until the window's
// report, main uses what it remembered of the student's last choice, else the system's languages.
import { createInstance, type i18n as I18n } from 'i18next';
import en from '../../renderer/locales/en.json';
import zhTW from '../../renderer/locales/zh-TW.json';
import { matchLanguage, type Language } from '../../core/messages/languages';
import type { Settings } from './settings';

/** What main reads the system's languages from (Electron's `app`). */
export interface SystemLocale {
  getLocale(): string;
  /** Optional: where it is missing (or throws), the app locale alone decides. */
  getPreferredSystemLanguages?(): string[];
}

/** The system's languages, most preferred first, mapped onto ours; English when none fits. */
export function systemLanguage(system: SystemLocale): Language {
  let preferred: string[] = [];
  try {
    preferred = system.getPreferredSystemLanguages?.() ?? [];
  } catch {
    // As if missing: the app locale alone decides.
  }
  // The app locale first: it is what the window's navigator.languages reports too, so the two
  // sides start from the same answer.
  return matchLanguage([system.getLocale(), ...preferred]) ?? 'en';
}

export type MainT = I18n['t'];

export function createMainI18n(language: Language): I18n {
  const i18n = createInstance();
  void i18n.init({
    // Only main's part of each catalog; the keys stay typed as the whole catalog (main.…).
    resources: { en: { translation: { main: en.main } }, 'zh-TW': { translation: { main: zhTW.main } } },
    lng: language,
    fallbackLng: 'en',
    // Native dialogs and menus show text as is: escaping would show a file named "a&b" as "a&amp;b".
    interpolation: { escapeValue: false },
    // The catalogs are bundled: ready before the first menu is built.
    initAsync: false,
  });
  return i18n;
}

export class MainLanguage {
  private readonly i18n: I18n;
  /** Main's words in the current language (`main.…` keys of the catalogs). */
  readonly t: MainT;
  private readonly listeners = new Set<(language: Language) => void>();

  constructor(
    private readonly settings: Pick<Settings, 'language' | 'setLanguage'>,
    system: SystemLocale,
  ) {
    this.i18n = createMainI18n(settings.language ?? systemLanguage(system));
    this.t = this.i18n.t.bind(this.i18n);
  }

  get current(): Language {
    return this.i18n.language as Language;
  }

  onChange(listener: (language: Language) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The window's language. `chosen`: the student picked it (remembered for the next start);
   * otherwise the window follows the system, and so does main from now on.
   */
  async set(language: Language, chosen: boolean): Promise<void> {
    const remembered = this.settings.setLanguage(chosen ? language : null);
    if (language !== this.current) {
      await this.i18n.changeLanguage(language);
      for (const l of [...this.listeners]) l(language);
    }
    await remembered;
  }
}
