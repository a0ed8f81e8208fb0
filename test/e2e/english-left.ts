// The English a student would still read on a page shown in Traditional Chinese. Every string the
// page shows is collected (text of visible elements, the options of a visible list, and the
// aria-label, title, placeholder and alt a screen reader or a tooltip says), and the Latin words
// that none of the glossary's kept names explain are returned with where they were found.
//
// Not reachable: the words ECharts paints inside its canvases (axis names, legends, tooltips)
// are pixels, not DOM, and the app does not turn on ECharts' aria description. The charts' names
// (the figure's aria-label) are checked here; the painted words only by looking at screenshots.
import type { Page } from 'playwright-core';
import { NODE_TYPES } from '../../core/blocks/index';

/**
 * Latin words a Chinese screen keeps, each because docs/glossary.zh-TW.md says so:
 * - block kinds (its first rule: "Block kinds and their PyTorch names stay in English");
 * - optimizers and initialisations (second rule: SGD, Momentum, RMSProp, Adam, Xavier / Glorot, He / Kaiming);
 * - the Epochs setting's own name, which the glossary writes as 訓練週期數（Epochs）;
 * - each language's own name on the language switch (never translated; marked with its own
 *   lang, so skipped in shownStrings);
 * - PyTorch and ONNX, and CSV: names of other tools and formats (the PyTorch rule; the file
 *   types are named as the tools that read them name them);
 * - the loss kinds' PyTorch names BCE and MSE, written so inside formulas ("Sigmoid 搭配平均 BCE");
 * - XOR, the lab's dataset, and the app's name BPNN Studio;
 * - key names (the glossary's punctuation rule: "key names keep ASCII: `Ctrl+Enter`"), and Mac,
 *   the platform whose ⌘ key stands for Ctrl (the glossary keeps platform names too);
 * - SVG and PNG, the image formats a chart is saved in (named as CSV is);
 * - units right after a number (2 GB, 166 KB, 383 ms), ASCII as the glossary keeps numbers.
 * Symbols and formula names (third rule) are the FORMULA words below. Block ids (fc1, sig3) and
 * file names are the student's own names: the caller passes them.
 */
const KEPT: readonly string[] = [
  ...NODE_TYPES,
  'SGD', 'Momentum', 'RMSProp', 'Adam', 'Xavier', 'Glorot', 'He', 'Kaiming',
  'Epochs',
  'PyTorch', 'ONNX', 'CSV',
  'BCE', 'MSE',
  'XOR', 'BPNN Studio',
  'Ctrl', 'Shift', 'Alt', 'Enter', 'Backspace', 'Delete', 'Esc', 'Tab', 'Mac',
  'SVG', 'PNG',
];

// A file name is the student's (or the app's 未命名.bpnn): its extension is no English word.
const FILE_NAME = /[^\s「」（）：，。]+\.(?:bpnn|csv|json|onnx|pt|png|svg)(?![A-Za-z])/gi;
const UNIT_AFTER_NUMBER = /(?<=\d\s?)(?:ms|s|KB|MB|GB|TB)(?![A-Za-z])/g;

/**
 * Names inside formulas, which read the same in both languages (the glossary's third rule; the
 * same list as test/core/inspect/why-language.test.ts): one-letter symbols are always allowed.
 */
const FORMULA: readonly string[] = ['xW', 'log', 'softplus', 'logsumexp', 'tanh', 'max', 'lr', 'exp'];

export interface EnglishLeft {
  /** The string as shown. */
  shown: string;
  /** Where it was: the element's tag and, for an attribute, its name. */
  where: string;
  /** Its Latin words that nothing allows. */
  words: string[];
}

interface Shown {
  shown: string;
  where: string;
}

/** Every string the page shows a student (or says to a screen reader), in DOM order. */
export async function shownStrings(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const out: { shown: string; where: string }[] = [];
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getClientRects().length > 0;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    // Words marked as another language are meant to be (the language switch names each language
    // in itself: "EN", "English", "繁體中文", never translated).
    const page = document.documentElement.lang;
    const sameLanguage = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? page) === page;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || !text || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      // An option is read when its list opens: it counts when the list is visible.
      const holder = el.tagName === 'OPTION' || el.tagName === 'OPTGROUP' ? el.closest('select') : el;
      if (holder && visible(holder) && sameLanguage(el)) out.push({ shown: text, where: describe(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], optgroup[label]')) {
      const holder = el.tagName === 'OPTGROUP' ? el.closest('select') : el;
      if (!holder || !visible(holder) || !sameLanguage(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', ...(el.tagName === 'OPTGROUP' ? ['label'] : [])]) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ shown: v, where: `${describe(el)}[${attr}]` });
      }
    }
    return out;
  });
}

/** The Latin words of `shown` left once the kept names, formula names and `own` names are taken out. */
export function latinWords(shown: string, own: readonly string[] = []): string[] {
  let rest = shown.replace(FILE_NAME, ' ').replace(UNIT_AFTER_NUMBER, ' ');
  // Longest first, so "LeakyReLU" goes before "ReLU" could split it; only whole words are taken.
  for (const name of [...KEPT, ...FORMULA, ...own].sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'g'), ' ');
  }
  // A word is two or more letters (digits may follow: "Conv1d"); a lone letter is a symbol (W, b, x, ŷ).
  return (rest.match(/[A-Za-z][A-Za-z0-9'’-]*/g) ?? []).filter((w) => /[A-Za-z].*[A-Za-z]/.test(w));
}

/** The strings on the page that still hold English, with their words (empty: nothing left). */
export async function englishLeft(page: Page, own: readonly string[] = []): Promise<EnglishLeft[]> {
  const left: EnglishLeft[] = [];
  const seen = new Set<string>();
  for (const s of await shownStrings(page)) {
    const words = latinWords(s.shown, own);
    if (words.length === 0 || seen.has(s.shown)) continue;
    seen.add(s.shown);
    left.push({ ...s, words });
  }
  return left;
}

/** The names the student gave on this page: block ids on the canvas, and the XOR project's name. */
export async function ownNames(page: Page): Promise<string[]> {
  const ids = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  return [...ids.filter(Boolean), 'xor'];
}
