// electron-builder configuration (`npm run dist`). Typed against electron-builder's own
// Configuration, checked by test/electron/build-config.test.ts (S8).
import type { Configuration } from 'electron-builder';

const config = {
  appId: 'org.bpnnstudio.app',
  productName: 'BPNN Studio',
  copyright: 'MIT License, the BPNN Studio team',
  directories: {
    buildResources: 'build',
    output: 'release'
  },
  files: [
    'package.json',
    'dist/electron/**/*',
    'dist/web/**/*',
    '!**/*.map',
    '!node_modules/**/*'
  ],
  asar: true,
  asarUnpack: [
    'dist/electron/training-worker.cjs',
    'dist/electron/dense-helper.cjs'
  ],
  extraResources: [
    {
      from: 'examples',
      to: 'examples',
      filter: [
        '*.bpnn'
      ]
    }
  ],
  fileAssociations: [
    {
      ext: 'bpnn',
      name: 'BPNN Studio project',
      description: 'A neural network project for BPNN Studio',
      mimeType: 'application/x-bpnn-project',
      role: 'Editor',
      icon: 'bpnn-file'
    }
  ],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false
  },
  linux: {
    target: [
      'AppImage',
      'deb'
    ],
    icon: 'build/icon.png',
    category: 'Education',
    // The .desktop file is named after package.json's desktopName, which Electron also uses as
    // the window's app id / WM_CLASS: one name, so docks group the window under its entry.
    syncDesktopName: true,
    maintainer: 'BPNN Studio team <bpnn-studio@users.noreply.github.com>',
    synopsis: 'Build, train and understand small neural networks'
  },
  deb: {
    packageCategory: 'education'
  },
  win: {
    target: [
      'nsis'
    ],
    icon: 'build/icon.ico'
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true
  },
  mac: {
    target: [
      'dmg'
    ],
    icon: 'build/icon.icns',
    category: 'public.app-category.education',
    hardenedRuntime: true
  },
  dmg: {
    title: 'BPNN Studio'
  }
} satisfies Configuration;

export default config;
