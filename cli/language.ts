// The CLI speaks English unless the terminal's locale asks for Traditional Chinese, by the
// POSIX order of precedence: LC_ALL, then LC_MESSAGES, then LANG.
import type { Language } from '../core/index';

const TRADITIONAL = /^zh[_-](tw|hk|mo|hant)\b/i;

export function cliLanguage(env: Record<string, string | undefined> = process.env): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return TRADITIONAL.test(locale) ? 'zh-TW' : 'en';
}
