// The engine's problems and notes in the app's language. Core hands over a Text (a catalog key
// and its parameters) beside the English sentence; a component that shows one re-renders when
// the language changes because it reads the language through useTranslation.
import { useTranslation } from 'react-i18next';
import { render, say, spoken, wordsIn, type Language, type MessageKey, type Said, type Words } from '../../core/index';

/** `(problem) => its sentence in the app's current language`. */
export function useSpoken(): (p: Said) => string {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return (p) => spoken(p, language);
}

/** `(words) => them in the app's current language`: the Backprop tab's mix of symbols and Texts. */
export function useWords(): (w: Words) => string {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return (w) => wordsIn(w, language);
}

/** `(key) => the engine catalog's words for it in the app's current language`: block descriptions, param labels and help. */
export function useSay(): (key: MessageKey) => string {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return (key) => render(say(key), language);
}
