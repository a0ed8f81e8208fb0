// Which language the app speaks: the user's choice if they made one, else the first of the
// system's languages we have (Electron's renderer reports the system locale in
// navigator.languages, the browser its own list), else English.
import { isLanguage, matchLanguage, type Language } from '../../core/messages/languages';
import { userStorage } from '../store/user-storage';

export { isLanguage, LANGUAGE_NAMES, LANGUAGES, matchLanguage, type Language } from '../../core/messages/languages';

export const LANGUAGE_KEY = 'bpnn.language';

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** The language the user chose on this computer, or null if they never chose (or storage refuses). */
export function storedLanguage(store: KeyValue | null = userStorage()): Language | null {
  let stored: string | null = null;
  try {
    stored = store?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    // Storage refused (private mode, disabled): as if never chosen.
  }
  return isLanguage(stored) ? stored : null;
}

/** The stored choice, else the system's languages, else English. */
export function initialLanguage(store: KeyValue | null = userStorage(), system: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  return storedLanguage(store) ?? matchLanguage(system) ?? 'en';
}

export function rememberLanguage(language: Language, store: KeyValue | null = userStorage()): void {
  try {
    store?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered is better than not switched.
  }
}
