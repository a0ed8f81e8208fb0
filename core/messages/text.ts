// A sentence as a value: a catalog key and its parameters. Core says what happened in these; the
// words are chosen where someone reads them, in that reader's language. A parameter may itself be
// a Text ("Linear 'fc1'" inside a sentence), rendered in the same language.
import { createInstance, type i18n } from 'i18next';
import { catalogs, type Catalog, type Catalogs } from './catalog';
import type { Language } from './languages';

// "describe.node", and "x" for a plural pair "x_one"/"x_other" (i18next picks the form by count).
type Plain<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? Plain<`${P}${K}`> : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalog>;
export type Param = string | number | Text;
export interface Text {
  key: MessageKey;
  params?: Record<string, Param>;
}

export const say = (key: MessageKey, params?: Record<string, Param>): Text => (params ? { key, params } : { key });

let instance: i18n | null = null;
let built: Catalogs | null = null;
function translator(): i18n {
  // Built again only when a block kind registered its words after the last build.
  const current = catalogs();
  if (instance && built === current) return instance;
  built = current;
  instance = createInstance();
  void instance.init({
    resources: Object.fromEntries(Object.entries(current).map(([lng, c]) => [lng, { core: c }])),
    ns: ['core'],
    defaultNS: 'core',
    lng: 'en',
    fallbackLng: 'en',
    // The text goes to a terminal, a React text node or an HTML report that escapes it itself.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export const isText = (v: unknown): v is Text =>
  typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';

/** The sentence in `language` (English by default, as the CLI and logs speak unless told). */
export function render(text: Text, language: Language = 'en'): string {
  const params: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(text.params ?? {})) params[name] = isText(v) ? render(v, language) : v;
  // Untyped on purpose: the app's typed-key augmentation of i18next (renderer/i18n) describes the
  // app's catalog, not this one; MessageKey above types these keys.
  const t = translator().t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(text.key, { ...params, lng: language });
}
