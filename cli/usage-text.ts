// commander words its usage errors in English, in fixed sentences. In another language the ones
// a student meets are said again from the CLI's catalog; English keeps commander's text as it is.
import type { Language } from '../core/index';
import { cliLanguage } from './language';
import { cliText, type CliKey } from './text';

const PATTERNS: [RegExp, CliKey, string[]][] = [
  [/^option '(.+?)' argument '(.*?)' is invalid\. ([\s\S]*)$/, 'usage.invalidArgument', ['option', 'value', 'reason']],
  [/^unknown option '(.+?)'$/, 'usage.unknownOption', ['option']],
  [/^unknown command '(.+?)'$/, 'usage.unknownCommand', ['command']],
  [/^missing required argument '(.+?)'$/, 'usage.missingArgument', ['argument']],
  [/^required option '(.+?)' not specified$/, 'usage.missingOption', ['option']],
  [/^option '(.+?)' argument missing$/, 'usage.missingValue', ['option']],
  [/^too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\.$/, 'usage.tooManyArguments', ['command', 'expected', 'got']],
];

/** commander's message (without "error: ") in `language`; unchanged when it is English or unknown. */
export function usageText(message: string, language: Language = cliLanguage()): string {
  if (language === 'en') return message;
  const [sentence, suggestion] = message.split(/\n\(Did you mean (.+)\?\)/);
  for (const [pattern, key, names] of PATTERNS) {
    const m = pattern.exec(sentence.trim());
    if (!m) continue;
    const said = cliText(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])), language);
    return suggestion === undefined ? said : `${said}${cliText('usage.didYouMean', { suggestion }, language)}`;
  }
  return message;
}
