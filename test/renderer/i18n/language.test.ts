import { describe, expect, it } from 'vitest';
import { initialLanguage, LANGUAGE_KEY, matchLanguage, rememberLanguage } from '../../../renderer/i18n/language';

const memory = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe('choosing the language', () => {
  it.each([
    [['zh-TW'], 'zh-TW'],
    [['zh-Hant'], 'zh-TW'],
    [['zh-Hant-HK'], 'zh-TW'],
    [['zh-HK', 'en-US'], 'zh-TW'],
    [['zh-MO'], 'zh-TW'],
    [['en-GB'], 'en'],
    [['fr-FR', 'zh-TW'], 'zh-TW'],
  ])('system languages %j give %s', (tags, expected) => {
    expect(matchLanguage(tags)).toBe(expected);
  });

  it.each([[['zh-CN']], [['zh']], [['zh-Hans-TW']], [['fr', 'de']], [[]]])('%j has no language of ours (Simplified Chinese is not Traditional)', (tags) => {
    expect(matchLanguage(tags)).toBeNull();
    expect(initialLanguage(memory(), tags)).toBe('en');
  });

  it('the remembered choice wins over the system', () => {
    const store = memory();
    rememberLanguage('en', store);
    expect(store.data.get(LANGUAGE_KEY)).toBe('en');
    expect(initialLanguage(store, ['zh-TW'])).toBe('en');
  });

  it('a stored value that is not a language, or a storage that throws, falls back to the system', () => {
    expect(initialLanguage(memory({ [LANGUAGE_KEY]: 'klingon' }), ['zh-TW'])).toBe('zh-TW');
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(initialLanguage(broken, ['zh-Hant'])).toBe('zh-TW');
    expect(() => rememberLanguage('zh-TW', broken)).not.toThrow();
  });
});
