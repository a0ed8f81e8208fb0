// The engine's problems and notes in the app's language. Core hands over a Text (a catalog key
// and its parameters) beside the English sentence; a component that shows one re-renders when
// the language changes because it reads the language through useTranslation.
import { useTranslation } from 'react-i18next';
import { render, say, spoken, wordsIn, type Language, type MessageKey, type Said, type Words } from '../../core/index';
import { i18next } from './index';

/** `(problem) => its sentence in the app's current language`. */
export function useSpoken(): (p: Said) => string {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return (p) => spoken(p, language);
}

/**
 * What `p` says in the app's language now, for code outside a component (stores, file actions):
 * it is said once, so a sentence shown before the language changes stays in the old language.
 */
export const spokenNow = (p: Said): string => spoken(p, i18next.language as Language);

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
