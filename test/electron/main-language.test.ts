// Main's own words (the menu, the native dialogs) in the student's language: the menu template
// and every dialog built in each language, with no English left in the Chinese ones and no
// Chinese in the English ones; and how main picks its language on first start.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { createDialogs } from '../../electron/main/dialogs';
import { MainLanguage, systemLanguage } from '../../electron/main/language';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';
import { Settings } from '../../electron/main/settings';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../core/messages/languages';
import { mainWords } from './helpers/words';

// Names that stay as they are in every language: the product, file formats and tools, and each
// language's own name in the View › Language menu.
const KEPT_NAMES = ['BPNN Studio', 'BPNN', 'ONNX', 'PyTorch', 'Python', 'JSON', 'CSV', ...LANGUAGES.map((l) => LANGUAGE_NAMES[l].full)];
const LATIN = /[A-Za-z]/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** What is left of `text` once the kept names are taken out. */
const withoutKeptNames = (text: string) => KEPT_NAMES.reduce((s, name) => s.split(name).join(' '), text);

/** Text in `language` has none of the other language's script (beyond the kept names). */
function foreignIn(language: Language, texts: string[]): string[] {
  return texts.filter((s) => (language === 'en' ? CJK.test(withoutKeptNames(s)) : LATIN.test(withoutKeptNames(s))));
}

function actions(language: Language, overrides: Partial<MenuActions> = {}): MenuActions {
  return {
    isMac: false,
    devTools: true,
    recent: [],
    t: mainWords(language).t,
    language,
    chooseLanguage: vi.fn(),
    send: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    openDocs: vi.fn(),
    showAbout: vi.fn(),
    ...overrides,
  };
}

/** Every item of a template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

/** The template without its words: what must be the same in every language. */
function shape(template: MenuItemConstructorOptions[]): unknown {
  return template.map((i) => ({ role: i.role, type: i.type, accelerator: i.accelerator, enabled: i.enabled, submenu: Array.isArray(i.submenu) ? shape(i.submenu) : undefined }));
}

const submenuOf = (template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions[] => {
  let menu = template;
  for (const label of labels) {
    const found = menu.find((i) => i.label === label);
    if (!found || !Array.isArray(found.submenu)) throw new Error(`no submenu ${labels.join(' › ')}`);
    menu = found.submenu;
  }
  return menu;
};

describe('the application menu in each language', () => {
  for (const isMac of [false, true]) {
    const platform = isMac ? 'macOS' : 'Windows and Linux';

    it.each(LANGUAGES)(`%s (${platform}): every label is in that language, role items included`, (language) => {
      const template = buildMenuTemplate(actions(language, { isMac, recent: ['/projects/xor.bpnn'] }));
      const all = items(template).filter((i) => i.type !== 'separator');
      // Role items too: Electron's own labels for them are English only.
      expect(all.filter((i) => !i.label).map((i) => i.role)).toEqual([]);
      const labels = all.map((i) => i.label as string).filter((l) => l !== 'xor.bpnn');
      expect(labels.length).toBeGreaterThan(30);
      expect(foreignIn(language, labels)).toEqual([]);
    });

    it(`has the same items, roles and shortcuts in both languages (${platform})`, () => {
      const [en, zh] = LANGUAGES.map((l) => buildMenuTemplate(actions(l, { isMac })));
      expect(shape(zh)).toEqual(shape(en));
      expect(items(zh).map((i) => i.label)).not.toEqual(items(en).map((i) => i.label));
    });
  }

  it('the Chinese menu says File, Edit, View and Help as the glossary does', () => {
    const template = buildMenuTemplate(actions('zh-TW'));
    expect(template.map((i) => i.label)).toEqual(['檔案', '編輯', '檢視', '說明']);
    expect(submenuOf(template, '檔案').map((i) => i.label).filter(Boolean)).toEqual(['新增', '開啟…', '開啟最近的專案', '儲存', '另存新檔…', '匯出', '結束']);
    expect(submenuOf(template, '編輯').map((i) => i.label).filter(Boolean)).toEqual(['復原', '重做', '剪下', '複製', '貼上', '刪除', '全選']);
  });

  it.each(LANGUAGES)('View › Language (in %s) lists each language by its own name, checks the current one and asks the window to switch', (language) => {
    const a = actions(language);
    const template = buildMenuTemplate(a);
    const view = template.find((i) => i.label === a.t('main.menu.view'));
    const languageMenu = (view?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === a.t('main.menu.language'));
    const choices = languageMenu?.submenu as MenuItemConstructorOptions[];
    expect(choices.map((i) => [i.label, i.type, i.checked])).toEqual(LANGUAGES.map((l) => [LANGUAGE_NAMES[l].full, 'radio', l === language]));
    expect(choices.map((i) => i.label)).toEqual(['English', '繁體中文']);
    const other = LANGUAGES.find((l) => l !== language) as Language;
    choices[LANGUAGES.indexOf(other)].click?.(undefined as never, undefined, undefined as never);
    expect(a.chooseLanguage).toHaveBeenCalledWith(other);
    // The window switches: the menu sends no project command of its own.
    expect(a.send).not.toHaveBeenCalled();
  });
});

describe('the native dialogs in each language', () => {
  /** Opens every dialog once; returns the texts a student reads in them. */
  async function dialogTexts(language: Language): Promise<string[]> {
    const shown: Record<string, unknown>[] = [];
    const record = async (...args: unknown[]) => {
      shown.push(args.at(-1) as Record<string, unknown>);
      return { response: 1, canceled: true, filePaths: [] as string[], filePath: undefined, checkboxChecked: false };
    };
    const fake = { showMessageBox: record, showOpenDialog: record, showSaveDialog: record };
    const d = createDialogs(fake as never, mainWords(language));
    // Names the student gave: digits only, so no script of either language comes from them.
    const name = '2024';
    await d.chooseOpenPath(null);
    await d.chooseSavePath(null, name);
    for (const kind of ['weights', 'onnx', 'pytorch'] as const) await d.chooseExportPath(null, name, kind);
    await d.askUnsaved(null, name);
    await d.askStopTraining(null);
    await d.askReload(null, 'crashed');
    await d.notifyChangedOnDisk(null, name);
    await d.askOpenLastGood(null, name, '42', new Date(Date.UTC(2026, 10, 27, 10, 0, 0)));
    await d.showError(null, '0', '1');
    expect(shown).toHaveLength(11);
    const texts: string[] = [];
    for (const o of shown) {
      for (const key of ['title', 'message', 'detail'] as const) if (typeof o[key] === 'string') texts.push(o[key] as string);
      for (const b of (o.buttons as string[] | undefined) ?? []) texts.push(b);
      for (const f of (o.filters as { name: string }[] | undefined) ?? []) texts.push(f.name);
    }
    return texts;
  }

  it.each(LANGUAGES)('%s: titles, messages, buttons and file types are all in that language', async (language) => {
    const texts = await dialogTexts(language);
    expect(texts.length).toBeGreaterThan(25);
    // The date of the last good version is written the language's way; its month names are not ours to check.
    const dated = texts.map((s) => s.replace(new Date(Date.UTC(2026, 10, 27, 10, 0, 0)).toLocaleString(language), ''));
    expect(foreignIn(language, dated)).toEqual([]);
  });

  it('the unsaved-changes prompt in Chinese names the file and offers 儲存 / 不儲存 / 取消', async () => {
    const showMessageBox = vi.fn(async () => ({ response: 1, checkboxChecked: false }));
    const d = createDialogs({ showMessageBox } as never, mainWords('zh-TW'));
    expect(await d.askUnsaved(null, 'xor.bpnn')).toBe('discard');
    expect(showMessageBox.mock.calls[0]).toEqual([expect.objectContaining({ message: '要儲存你對 xor.bpnn 所做的變更嗎？', buttons: ['儲存', '不儲存', '取消'] })]);
  });

  it('a dialog speaks the language main speaks when it opens, not when the dialogs were made', async () => {
    const showMessageBox = vi.fn(async () => ({ response: 0, checkboxChecked: false }));
    const words = mainWords('en');
    const d = createDialogs({ showMessageBox } as never, words);
    await d.askStopTraining(null);
    await words.set('zh-TW', true);
    await d.askStopTraining(null);
    expect((showMessageBox.mock.calls as unknown as [{ message: string }][]).map(([o]) => o.message)).toEqual(['Stop training and quit?', '要停止訓練並結束嗎？']);
  });
});

describe('main’s language on first start', () => {
  const system = (locale: string, preferred?: string[]) => ({ getLocale: () => locale, ...(preferred ? { getPreferredSystemLanguages: () => preferred } : {}) });

  it.each([
    ['zh-TW', ['zh-TW'], 'zh-TW'],
    ['zh-HK', ['zh-Hant-HK'], 'zh-TW'],
    ['en-US', ['en-US'], 'en'],
    ['fr', ['fr-FR'], 'en'],
    ['zh-CN', ['zh-Hans-CN'], 'en'],
    ['fr', ['fr-FR', 'zh-Hant-TW'], 'zh-TW'],
  ])('app locale %s, system languages %j: %s', (locale, preferred, expected) => {
    expect(systemLanguage(system(locale, preferred))).toBe(expected);
    const nothingChosen = { language: null, setLanguage: async () => undefined };
    expect(new MainLanguage(nothingChosen, system(locale, preferred)).current).toBe(expected);
  });

  it('the app locale comes first (the window reads the same one), and alone where the system list is missing', () => {
    expect(systemLanguage(system('en-GB', ['zh-TW']))).toBe('en');
    expect(systemLanguage(system('zh-HK'))).toBe('zh-TW');
    const throwing = { getLocale: () => 'zh-TW', getPreferredSystemLanguages: (): string[] => { throw new Error('not on this platform'); } };
    expect(systemLanguage(throwing)).toBe('zh-TW');
  });

  it('a remembered choice wins over the system; a damaged settings file counts as no choice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bpnn-settings-'));
    try {
      const first = new Settings(dir);
      await first.load();
      expect(first.language).toBeNull();
      await first.setLanguage('zh-TW');
      expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'zh-TW' });

      const next = new Settings(dir);
      await next.load();
      expect(new MainLanguage(next, system('en-US', ['en-US'])).current).toBe('zh-TW');

      await next.setLanguage(null);
      const forgotten = new Settings(dir);
      await forgotten.load();
      expect(forgotten.language).toBeNull();

      for (const text of ['{ not json', '{"language": "klingon"}', '["zh-TW"]']) {
        await writeFile(path.join(dir, 'settings.json'), text);
        const s = new Settings(dir);
        await s.load();
        expect(s.language, text).toBeNull();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
