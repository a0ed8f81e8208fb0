// Every catalog has the English catalog's keys (plural forms aside: Chinese has only "other"),
// each message uses the same {{variables}}, and no message is empty. Two sets: the app's
// (renderer/locales) and the lab report's own (report/locales), which the CLI writes too.
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/locales/en.json';
import zhTW from '../../../renderer/locales/zh-TW.json';
import reportEn from '../../../report/locales/en.json';
import reportZhTW from '../../../report/locales/zh-TW.json';
import { LANGUAGES } from '../../../renderer/i18n/language';
import { REPORT_LANGUAGES, reportWords } from '../../../report/i18n';
import { t } from '../../../renderer/i18n';
import { coreCatalogs } from '../../../core/index';
import { CLI_CATALOGS } from '../../../cli/text';

type Catalog = { [key: string]: string | Catalog };
const CATALOGS: Record<(typeof LANGUAGES)[number], Catalog> = { en, 'zh-TW': zhTW };
const REPORT_CATALOGS: Record<(typeof REPORT_LANGUAGES)[number], Catalog> = { en: reportEn, 'zh-TW': reportZhTW };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** key → message, nested keys joined with dots. */
function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The keys without plural suffixes, each with the variables its forms use. */
function shape(c: Catalog): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, msg] of flatten(c)) {
    const base = key.replace(PLURAL, '');
    const vars = out.get(base) ?? new Set<string>();
    for (const m of msg.matchAll(/\{\{\s*([\w.]+)/g)) vars.add(m[1]);
    out.set(base, vars);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

// Every set of catalogs: the app's words, the report's, the engine's (core/messages), which the
// app, the CLI and the report render, and the CLI's own words around them (cli/locales).
describe.each([
  ['app', CATALOGS],
  ['report', REPORT_CATALOGS],
  ['engine', coreCatalogs() as Record<string, Catalog>],
  ['cli', CLI_CATALOGS as Record<string, Catalog>],
] as const)('%s catalogs', (_set, catalogs: Record<string, Catalog>) => {
  const reference = shape(catalogs.en);
  const languages = Object.keys(catalogs);

  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the English keys, with the same variables', (language) => {
    const other = shape(catalogs[language]);
    expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, vars] of reference) expect({ key, vars: other.get(key) }).toEqual({ key, vars });
  });

  it.each(languages)('%s has no empty message', (language) => {
    const empty = [...flatten(catalogs[language])].filter(([, msg]) => msg.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

describe('catalogs are typed', () => {
  it('a key missing from the catalog is a type error, not an English fallback at run time', () => {
    // @ts-expect-error: tsc fails here if keys stop being typed.
    const missing = () => t('toolbar.noSuchKey');
    expect(missing).toBeTypeOf('function');
  });

  it('so is a key missing from the report’s catalog', () => {
    const { text } = reportWords('zh-TW');
    // @ts-expect-error: tsc fails here if the report's keys stop being typed.
    const missing = () => text('sections.noSuchKey');
    expect(missing).toBeTypeOf('function');
    expect(text('sections.results')).toBe(reportZhTW.sections.results);
  });
});
