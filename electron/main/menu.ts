// The application menu as a pure template. Items that act on the project send a MenuCommand to
// the renderer (which owns the project and its undo history); items that need main (Open
// Recent, the docs, About, Quit) call back into main.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../ipc/contract';

export const DOCS_URL = 'https://github.com/bpnn-studio/bpnn-studio/tree/main/docs';

export interface MenuActions {
  isMac: boolean;
  /** Show developer tools in the View menu (unpackaged runs only). */
  devTools: boolean;
  recent: string[];
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  openDocs(): void;
  showAbout(): void;
}

export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => a.send(command),
  });
  const recentItems: MenuItemConstructorOptions[] =
    a.recent.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : [
          ...a.recent.map((p) => ({ label: path.basename(p), sublabel: p, click: () => a.openRecent(p) })),
          { type: 'separator' as const },
          { label: 'Clear Recent', click: () => a.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      cmd('New', 'file:new', 'CmdOrCtrl+N'),
      cmd('Open…', 'file:open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      cmd('Save', 'file:save', 'CmdOrCtrl+S'),
      cmd('Save As…', 'file:saveAs', 'Shift+CmdOrCtrl+S'),
      { type: 'separator' },
      {
        label: 'Export',
        submenu: [
          cmd('Weights (JSON)…', 'file:exportWeights', 'CmdOrCtrl+E'),
          cmd('ONNX…', 'file:exportOnnx'),
          cmd('PyTorch…', 'file:exportPyTorch'),
        ],
      },
      ...(a.isMac ? [] : [{ type: 'separator' as const }, { label: 'Quit', role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
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
    label: 'Edit',
    submenu: [
      editCmd('Undo', 'edit:undo', 'CmdOrCtrl+Z'),
      editCmd('Redo', 'edit:redo', a.isMac ? 'Shift+Cmd+Z' : 'CmdOrCtrl+Y'),
      { type: 'separator' },
      editCmd('Cut', 'edit:cut', 'CmdOrCtrl+X'),
      editCmd('Copy', 'edit:copy', 'CmdOrCtrl+C'),
      editCmd('Paste', 'edit:paste', 'CmdOrCtrl+V'),
      editCmd('Delete', 'edit:delete', 'Delete'),
      { type: 'separator' },
      editCmd('Select All', 'edit:selectAll', 'CmdOrCtrl+A'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      cmd('Zoom to Fit', 'view:fit', 'Shift+1'),
      cmd('Tidy Layout', 'view:tidy', 'Shift+CmdOrCtrl+L'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(a.devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [
      { label: 'BPNN Studio Documentation', click: () => a.openDocs() },
      ...(a.isMac ? [] : [{ type: 'separator' as const }, { label: 'About BPNN Studio', click: () => a.showAbout() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = a.isMac
    ? [
        {
          label: 'BPNN Studio',
          submenu: [
            { label: 'About BPNN Studio', click: () => a.showAbout() },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit', label: 'Quit BPNN Studio' },
          ],
        },
      ]
    : [];
  return [...appMenu, file, edit, view, help];
}
