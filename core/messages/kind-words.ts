// Each block kind's words, registered by its definition as it loads (defineKind, core/blocks/kind.ts).
// The catalogs read them from here rather than importing the definitions: those say things
// themselves, so an import from here to them would be a cycle that leaves `say` undefined while
// they load.
import type { Language } from './languages';

const registered = new Map<string, Readonly<Record<Language, object>>>();

export function addKindWords(type: string, words: Readonly<Record<Language, object>>): void {
  registered.set(type, words);
}

/** Every registered kind's words in `language`, by kind. */
export const kindWordsIn = (language: Language): Record<string, object> => Object.fromEntries([...registered].map(([type, words]) => [type, words[language]]));

/** How many kinds have registered: a catalog built before the last one came is built again. */
export const kindWordsCount = (): number => registered.size;
