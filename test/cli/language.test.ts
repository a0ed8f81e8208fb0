// The CLI's language: English unless the locale asks for Traditional Chinese, LC_ALL first.
import { describe, expect, it } from 'vitest';
import { cliLanguage } from '../../cli/language';

describe('cliLanguage', () => {
  it.each([
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-TW'],
    [{ LANG: 'zh_HK.UTF-8' }, 'zh-TW'],
    [{ LANG: 'zh-Hant' }, 'zh-TW'],
    [{ LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'zh_TW.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' }, 'zh-TW'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: 'zh_TW' }, 'zh-TW'],
  ])('%j → %s', (env, language) => {
    expect(cliLanguage(env)).toBe(language);
  });
});
