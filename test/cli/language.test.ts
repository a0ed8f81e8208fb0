// Which language the command line writes for people, from the shell's locale variables.
import { describe, expect, it } from 'vitest';
import { cliLanguage } from '../../cli/language';

describe('cliLanguage', () => {
  it.each([
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-TW'],
    [{ LANG: 'zh_HK.UTF-8' }, 'zh-TW'],
    [{ LANG: 'zh_MO' }, 'zh-TW'],
    [{ LANG: 'zh-Hant' }, 'zh-TW'],
    [{ LANG: 'zh_Hant_TW.UTF-8' }, 'zh-TW'],
    [{ LANG: 'zh-tw' }, 'zh-TW'],
    [{ LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'zh' }, 'en'],
    [{ LANG: 'zh_Hans' }, 'en'],
    [{ LANG: 'zh_TWX' }, 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{}, 'en'],
  ] as const)('%o → %s', (env, language) => {
    expect(cliLanguage(env)).toBe(language);
  });

  it('LC_ALL overrides LC_MESSAGES, which overrides LANG', () => {
    expect(cliLanguage({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-TW');
    expect(cliLanguage({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-TW');
    expect(cliLanguage({ LC_MESSAGES: 'C', LANG: 'zh_TW.UTF-8' })).toBe('en');
  });

  it('an empty variable counts as unset, as the C library reads it', () => {
    expect(cliLanguage({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_TW.UTF-8' })).toBe('zh-TW');
  });
});
