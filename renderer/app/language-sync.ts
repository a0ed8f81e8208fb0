// Keeps main's language (the desktop menu and native dialogs) the window's. The window decides:
// its stored choice, else the system (renderer/i18n/language.ts). It tells main at start and
// after every switch, and main's View › Language menu only asks it to switch, so a switch always
// goes through switchLanguage and never touches the project, the undo history or a run.
import type { BpnnApi } from '../../runtime/api';
import { i18next, switchLanguage } from '../i18n';
import { isLanguage, storedLanguage } from '../i18n/language';

/** Starts the sync; returns the function that stops it. */
export function syncLanguage(api: Pick<BpnnApi, 'setLanguage' | 'onLanguageSwitch'>, stored: () => unknown = storedLanguage): () => void {
  const report = () => {
    const language = i18next.language;
    if (!isLanguage(language)) return;
    // chosen: the student picked it here, so main remembers it too; otherwise both follow the
    // system. Read now, with the language it goes with.
    const chosen = stored() !== null;
    // A refusal or a missing main must not stop the window from working.
    Promise.resolve()
      .then(() => api.setLanguage({ language, chosen }))
      .catch(() => undefined);
  };
  report();
  i18next.on('languageChanged', report);
  const stopMenu =
    api.onLanguageSwitch?.((language) => {
      if (isLanguage(language)) void switchLanguage(language);
    }) ?? (() => undefined);
  return () => {
    i18next.off('languageChanged', report);
    stopMenu();
  };
}
