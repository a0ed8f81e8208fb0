// Text that mixes symbols and words, as the Backprop tab's explanations do. Symbols read the same
// in every language, so a piece that is only symbols stays a plain string and only a piece with
// words becomes a Text; `cat` strings them together without forcing either into the other.
import type { Language } from './languages';
import { render, say, type Text } from './text';

export type Words = string | Text;

/** `w` in `language` (English by default, as tests and logs read it). */
export const wordsIn = (w: Words, language: Language = 'en'): string => (typeof w === 'string' ? w : render(w, language));

/** The pieces one after another: a plain string while every piece is one, else a Text. */
export function cat(...parts: Words[]): Words {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  return parts.reduce((a, b) => (a === '' ? b : b === '' ? a : say('why.cat', { a, b })));
}
