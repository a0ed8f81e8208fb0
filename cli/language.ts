// The language of what the command line writes for people (the lab report, for now), from the
// locale the shell sets. The usual precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG,
// and an empty variable counts as unset. Only Traditional Chinese locales get Chinese: a zh_CN
// reader is better served by English than by a script they may not read.
export type CliLanguage = 'en' | 'zh-TW';

const TRADITIONAL = /^zh[-_](tw|hk|mo|hant)(?![a-z])/i;

export function cliLanguage(env: Readonly<Record<string, string | undefined>> = process.env): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return TRADITIONAL.test(locale) ? 'zh-TW' : 'en';
}
