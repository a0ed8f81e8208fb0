// The window tells main its language at start (chosen only if the student stored one) and after
// every switch, and a switch asked for by main's View › Language menu goes through switchLanguage.
import { afterEach, describe, expect, it } from 'vitest';
import type { Language, LanguageReport } from '../../../runtime/api';
import { syncLanguage } from '../../../renderer/app/language-sync';
import { i18next, switchLanguage } from '../../../renderer/i18n';

/** A main process that records what the window reports and lets the test click its menu. */
function fakeMain(opts: { refuse?: boolean } = {}) {
  const reports: LanguageReport[] = [];
  let menu: ((language: Language) => void) | null = null;
  return {
    reports,
    click: (language: Language) => menu?.(language),
    subscribed: () => menu !== null,
    api: {
      setLanguage: async (r: LanguageReport) => {
        reports.push(r);
        if (opts.refuse) throw new Error('Refused a malformed language:set request');
      },
      onLanguageSwitch: (listener: (language: Language) => void) => {
        menu = listener;
        return () => {
          menu = null;
        };
      },
    },
  };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('the window’s language, reported to main', () => {
  it('reports at start: the system’s language is not a choice, a stored one is', async () => {
    const followsSystem = fakeMain();
    syncLanguage(followsSystem.api, () => null)();
    const stored = fakeMain();
    syncLanguage(stored.api, () => 'en')();
    await settled();
    expect(followsSystem.reports).toEqual([{ language: 'en', chosen: false }]);
    expect(stored.reports).toEqual([{ language: 'en', chosen: true }]);
  });

  it('a switch in the window reaches main as a choice; after stop, nothing more is sent', async () => {
    const main = fakeMain();
    let storedChoice: Language | null = null;
    const stop = syncLanguage(main.api, () => storedChoice);
    storedChoice = 'zh-TW';
    await switchLanguage('zh-TW');
    await settled();
    expect(main.reports).toEqual([
      { language: 'en', chosen: false },
      { language: 'zh-TW', chosen: true },
    ]);
    stop();
    expect(main.subscribed()).toBe(false);
    await switchLanguage('en');
    await settled();
    expect(main.reports).toHaveLength(2);
  });

  it('View › Language in main switches the window, which then reports back', async () => {
    const main = fakeMain();
    const stop = syncLanguage(main.api, () => 'zh-TW');
    main.click('zh-TW');
    await settled();
    expect(i18next.language).toBe('zh-TW');
    expect(main.reports.at(-1)).toEqual({ language: 'zh-TW', chosen: true });
    stop();
  });

  it('a main that refuses the report, or a backend without the language menu, does not break the window', async () => {
    const refusing = fakeMain({ refuse: true });
    const stop = syncLanguage(refusing.api, () => null);
    await switchLanguage('zh-TW');
    await settled();
    expect(i18next.language).toBe('zh-TW');
    expect(refusing.reports).toHaveLength(2);
    stop();
    const web = { setLanguage: async () => undefined };
    expect(() => syncLanguage(web, () => null)()).not.toThrow();
  });
});
