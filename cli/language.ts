// The CLI speaks English unless the terminal's locale asks for Traditional Chinese, by the
// POSIX order of precedence: LC_ALL, then LC_MESSAGES, then LANG ("zh_TW.UTF-8" is the BCP 47
// tag zh-TW with an encoding, matched as the app matches a system's languages).
import { matchLanguage, type Language } from '../core/index';

export function cliLanguage(env: Record<string, string | undefined> = process.env): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return matchLanguage([locale.split(/[.@]/)[0].replace(/_/g, '-')]) ?? 'en';
}
