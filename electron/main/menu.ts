// The application menu as a pure template. Items that act on the project send a MenuCommand to
// the renderer (which owns the project and its undo history); items that need main (Open
// Recent, the docs, About, Quit) call back into main. Every label comes from the catalogs
// (main.menu.…) in the language main speaks, including those of role items, whose own labels
// Electron writes in English only.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../ipc/contract';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../core/messages/languages';
import type { MainT } from './language';

export const DOCS_URL = 'https://github.com/bpnn-studio/bpnn-studio/tree/main/docs';

export interface MenuActions {
  isMac: boolean;
  /** Show developer tools in the View menu (unpackaged runs only). */
  devTools: boolean;
  recent: string[];
  /** Main's words in the language the menu is built in (MainLanguage.t). */
  t: MainT;
  /** The language the window speaks: checked in View › Language. */
  language: Language;
  /** View › Language: ask the window to switch (it owns the switch and tells main back). */
  chooseLanguage(language: Language): void;
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  openDocs(): void;
  showAbout(): void;
}

export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const { t } = a;
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => a.send(command),
  });
  const recentItems: MenuItemConstructorOptions[] =
    a.recent.length === 0
      ? [{ label: t('main.menu.noRecent'), enabled: false }]
      : [
          ...a.recent.map((p) => ({ label: path.basename(p), sublabel: p, click: () => a.openRecent(p) })),
          { type: 'separator' as const },
          { label: t('main.menu.clearRecent'), click: () => a.clearRecent() },
        ];

  // Each language under its own name, in every menu language: a student who cannot read the
  // current one still finds theirs.
  const languageItems: MenuItemConstructorOptions[] = LANGUAGES.map((l) => ({
    label: LANGUAGE_NAMES[l].full,
    type: 'radio' as const,
    checked: l === a.language,
    click: () => a.chooseLanguage(l),
  }));

  const file: MenuItemConstructorOptions = {
    label: t('main.menu.file'),
    submenu: [
      cmd(t('main.menu.new'), 'file:new', 'CmdOrCtrl+N'),
      cmd(t('main.menu.open'), 'file:open', 'CmdOrCtrl+O'),
      { label: t('main.menu.openRecent'), submenu: recentItems },
      { type: 'separator' },
      cmd(t('main.menu.save'), 'file:save', 'CmdOrCtrl+S'),
      cmd(t('main.menu.saveAs'), 'file:saveAs', 'Shift+CmdOrCtrl+S'),
      { type: 'separator' },
      {
        label: t('main.menu.export'),
        submenu: [
          cmd(t('main.menu.exportWeights'), 'file:exportWeights', 'CmdOrCtrl+E'),
          cmd(t('main.menu.exportOnnx'), 'file:exportOnnx'),
          cmd(t('main.menu.exportPyTorch'), 'file:exportPyTorch'),
        ],
      },
      ...(a.isMac ? [] : [{ type: 'separator' as const }, { label: t('main.menu.quit'), role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };
  // Edit shortcuts are shown but not grabbed (registerAccelerator: false): the keys reach the
  // page, so text fields keep native copy/paste/undo and the canvas handles its own shortcuts.
  // Clicking the menu item sends the command.
  const editCmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    ...cmd(label, command, accelerator),
    registerAccelerator: false,
  });
  const edit: MenuItemConstructorOptions = {
    label: t('main.menu.edit'),
    submenu: [
      editCmd(t('main.menu.undo'), 'edit:undo', 'CmdOrCtrl+Z'),
      editCmd(t('main.menu.redo'), 'edit:redo', a.isMac ? 'Shift+Cmd+Z' : 'CmdOrCtrl+Y'),
      { type: 'separator' },
      editCmd(t('main.menu.cut'), 'edit:cut', 'CmdOrCtrl+X'),
      editCmd(t('main.menu.copy'), 'edit:copy', 'CmdOrCtrl+C'),
      editCmd(t('main.menu.paste'), 'edit:paste', 'CmdOrCtrl+V'),
      editCmd(t('main.menu.delete'), 'edit:delete', 'Delete'),
      { type: 'separator' },
      editCmd(t('main.menu.selectAll'), 'edit:selectAll', 'CmdOrCtrl+A'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('main.menu.view'),
    submenu: [
      cmd(t('main.menu.fit'), 'view:fit', 'Shift+1'),
      cmd(t('main.menu.tidy'), 'view:tidy', 'Shift+CmdOrCtrl+L'),
      { type: 'separator' },
      { role: 'resetZoom', label: t('main.menu.actualSize') },
      { role: 'zoomIn', label: t('main.menu.zoomIn') },
      { role: 'zoomOut', label: t('main.menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('main.menu.fullScreen') },
      { type: 'separator' },
      { label: t('main.menu.language'), submenu: languageItems },
      ...(a.devTools
        ? [{ type: 'separator' as const }, { role: 'reload' as const, label: t('main.menu.reload') }, { role: 'toggleDevTools' as const, label: t('main.menu.devTools') }]
        : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: t('main.menu.help'),
    submenu: [
      { label: t('main.menu.docs'), click: () => a.openDocs() },
      ...(a.isMac ? [] : [{ type: 'separator' as const }, { label: t('main.menu.about'), click: () => a.showAbout() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = a.isMac
    ? [
        {
          label: 'BPNN Studio',
          submenu: [
            { label: t('main.menu.about'), click: () => a.showAbout() },
            { type: 'separator' },
            { role: 'hide', label: t('main.menu.hide') },
            { role: 'hideOthers', label: t('main.menu.hideOthers') },
            { role: 'unhide', label: t('main.menu.showAll') },
            { type: 'separator' },
            { role: 'quit', label: t('main.menu.quitApp') },
          ],
        },
      ]
    : [];
  return [...appMenu, file, edit, view, help];
}
