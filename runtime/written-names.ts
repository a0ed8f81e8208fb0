// The files an export wrote, as the result names them: one name, or "a and b" in English with the
// same list as a Text for the reader's language (both backends write model.py with its weights).
import { render, say, type Text } from '../core/index';

export function writtenNames(names: readonly string[]): { fileName: string; fileNameText?: Text } {
  if (names.length < 2) return { fileName: names[0] ?? '' };
  const text = names.slice(2).reduce<Text>((first, last) => say('describe.and', { first, last }), say('describe.and', { first: names[0], last: names[1] }));
  return { fileName: render(text), fileNameText: text };
}
