// The engine's words, one JSON file per area and language. Core builds no sentence itself: a
// problem carries a key and its parameters (text.ts), and each reader (the app, the CLI, the
// report) renders it in its own language. A block kind's words are in its definition
// (core/blocks/<kind>.ts), which registers them (kind-words.ts) under blocks.<type>. A test keeps every language's keys and
// {{variables}} equal to English's.
import enDescribe from './en/describe.json';
import zhDescribe from './zh-TW/describe.json';
import enGraph from './en/graph.json';
import zhGraph from './zh-TW/graph.json';
import enBlocks from './en/blocks.json';
import zhBlocks from './zh-TW/blocks.json';
import enWhy from './en/why.json';
import zhWhy from './zh-TW/why.json';
import enTrain from './en/train.json';
import zhTrain from './zh-TW/train.json';
import enSweep from './en/sweep.json';
import zhSweep from './zh-TW/sweep.json';
import enFile from './en/file.json';
import zhFile from './zh-TW/file.json';
import enData from './en/data.json';
import zhData from './zh-TW/data.json';
import enOnnx from './en/onnx.json';
import zhOnnx from './zh-TW/onnx.json';
import enHost from './en/host.json';
import zhHost from './zh-TW/host.json';
import enFields from './en/fields.json';
import enExport from './en/export.json';
import zhExport from './zh-TW/export.json';
import zhFields from './zh-TW/fields.json';
import type { KindOf, NodeType } from '../blocks/derived';
import { kindWordsCount, kindWordsIn } from './kind-words';
import type { Language } from './languages';

const FILES = {
  en: { describe: enDescribe, graph: enGraph, why: enWhy, blocks: enBlocks, train: enTrain, sweep: enSweep, file: enFile, data: enData, onnx: enOnnx, host: enHost, fields: enFields, export: enExport },
  'zh-TW': { describe: zhDescribe, graph: zhGraph, why: zhWhy, blocks: zhBlocks, train: zhTrain, sweep: zhSweep, file: zhFile, data: zhData, onnx: zhOnnx, host: zhHost, fields: zhFields, export: zhExport },
} satisfies Record<Language, unknown>;

/** One language's catalog: its files, and under blocks.<type> each kind's words from its definition. */
type CatalogIn<L extends Language> = Omit<(typeof FILES)[L], 'blocks'> & {
  blocks: (typeof FILES)[L]['blocks'] & { [T in NodeType]: KindOf<T>['words'][L] };
};

export type Catalog = CatalogIn<'en'>;
export type Catalogs = { [L in Language]: CatalogIn<L> };

let built: { catalogs: Catalogs; kinds: number } | null = null;

/** Every language's catalog: the files, with each kind's words as its definition registered them. */
export function catalogs(): Catalogs {
  if (built?.kinds === kindWordsCount()) return built.catalogs;
  const of = <L extends Language>(language: L) => ({ ...FILES[language], blocks: { ...FILES[language].blocks, ...kindWordsIn(language) } }) as CatalogIn<L>;
  built = { catalogs: { en: of('en'), 'zh-TW': of('zh-TW') }, kinds: kindWordsCount() };
  return built.catalogs;
}
