// The engine's words, one JSON file per area and language. Core builds no sentence itself: a
// problem carries a key and its parameters (text.ts), and each reader (the app, the CLI, the
// report) renders it in its own language. A test keeps every language's keys and {{variables}}
// equal to English's.
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
import type { Language } from './languages';

export const CATALOGS = {
  en: { describe: enDescribe, graph: enGraph, why: enWhy, blocks: enBlocks, train: enTrain, sweep: enSweep, file: enFile, data: enData, onnx: enOnnx, host: enHost, fields: enFields, export: enExport },
  'zh-TW': { describe: zhDescribe, graph: zhGraph, why: zhWhy, blocks: zhBlocks, train: zhTrain, sweep: zhSweep, file: zhFile, data: zhData, onnx: zhOnnx, host: zhHost, fields: zhFields, export: zhExport },
} satisfies Record<Language, unknown>;

export type Catalog = (typeof CATALOGS)['en'];
