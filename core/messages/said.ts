// What every problem and note the engine reports carries: the sentence in English (`message`, for
// logs, tests and any reader that has no catalog) and, once its area speaks through the catalogs,
// the same sentence as a Text that each reader renders in its own language.
import type { Language } from './languages';
import { render, type Text } from './text';

export interface Said {
  message: string;
  text?: Text;
}

/** The fields of a problem that says `text`: its English sentence and the Text itself. */
export const saying = (text: Text): { message: string; text: Text } => ({ message: render(text), text });

/** What `p` says, in `language`. */
export const spoken = (p: Said, language: Language): string => (p.text ? render(p.text, language) : p.message);
