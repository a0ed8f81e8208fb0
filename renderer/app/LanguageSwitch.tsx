// The language switch in the toolbar. Switching re-renders the text only: the project, the undo
// history and a run in progress live in stores that do not depend on the language.
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="tool language-switch"
      aria-label={t('language.label')}
      title={`${LANGUAGE_NAMES[i18n.language as Language]?.full ?? ''}: ${t('language.help')}`}
      value={i18n.language}
      onChange={(e) => {
        if (isLanguage(e.target.value)) void switchLanguage(e.target.value);
      }}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l} aria-label={LANGUAGE_NAMES[l].full}>
          {LANGUAGE_NAMES[l].short}
        </option>
      ))}
    </select>
  );
}
