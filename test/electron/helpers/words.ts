// Main's words in one fixed language, for tests that build dialogs or menus without app.ts.
import { MainLanguage } from '../../../electron/main/language';
import type { Language } from '../../../core/messages/languages';

/** A MainLanguage that speaks `language` and remembers nothing on disk. */
export function mainWords(language: Language = 'en'): MainLanguage {
  let chosen: Language | null = language;
  return new MainLanguage(
    {
      get language() {
        return chosen;
      },
      setLanguage: async (l: Language | null) => {
        chosen = l;
      },
    },
    { getLocale: () => 'en-US' },
  );
}
