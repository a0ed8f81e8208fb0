// Whether a sentence is in Chinese: what is left of it once the tokens that stay as they are in
// every language (JSON paths, file and column names, numbers, units, names of formats and of the
// app) are taken out must hold no Latin letter, so an English word or clause left inside a
// Chinese sentence is found.
import { render, type Said } from '../../core/index';

/** The Latin words left in `sentence` besides `allowed` (empty when it is all Chinese). */
export function latinLeft(sentence: string, allowed: readonly string[] = []): string[] {
  let rest = sentence;
  // Longest first, so "UTF-16" goes before a shorter "UTF" could split it.
  for (const token of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(token).join(' ');
  return rest.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
}

/** `p` in Traditional Chinese; fails when it has no Text (it would be shown in English). */
export function zh(p: Said): string {
  if (!p.text) throw new Error(`no Text, so shown in English: ${p.message}`);
  return render(p.text, 'zh-TW');
}

/** Has CJK characters: a sentence that fell back to its key or to English has none. */
export const CJK = /[\u4e00-\u9fff]/;
