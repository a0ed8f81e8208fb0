import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';

// Every component's user-visible words come from renderer/locales (the translation layer): a
// literal in JSX text or in an attribute a user reads (title, aria-label, placeholder, alt…)
// fails the lint. Words built outside JSX (stores, messages) are not seen by the rule.
// electron/ has no JSX for the rule to read: test/electron/main-language.test.ts builds the menu
// and every native dialog in each language and fails on words of the other language instead.
const TRANSLATED = ['renderer/**/*.tsx'];
// Attributes that hold ids, roles and test hooks, never words.
const NOT_WORDS = ['className', 'style', 'type', 'key', 'id', 'width', 'height', 'role', 'value', 'lang', 'htmlFor', 'name', 'href', 'rel', 'target', 'data-testid', 'testId', 'aria-controls', 'aria-labelledby', 'aria-describedby', 'aria-keyshortcuts', 'aria-live', 'part', 'aria-hidden', 'aria-selected', 'tabIndex', 'viewBox', 'd', 'fill', 'stroke', 'inputMode', 'position', 'selectionKeyCode', 'multiSelectionKeyCode'];

const forbiddenInCore = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', 'crypto', 'url', 'util'], message: 'core/ must run in a browser Web Worker too: no Node imports.' },
    { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'echarts', 'echarts/*', 'zustand', 'zustand/*'], message: 'core/ must not import UI libraries.' },
    { group: ['../electron/*', '../renderer/*', '../../electron/*', '../../renderer/*', '../../../*'], message: 'core/ must not reach outside core/.' },
  ],
};

// Node-only code shared by the CLI and the desktop main process (node/), and the CLI itself, run
// without a window: they may use Node, never Electron, the desktop app's main process or the
// renderer. Shared code belongs in node/ (or core/), so that both sides import it from there.
const NODE_AND_CLI_MESSAGE = 'cli/ and node/ must not import Electron, electron/ or renderer/; move code both need to node/ (or core/).';
const forbiddenInNodeAndCli = { patterns: [{ group: ['electron', 'electron/*', '**/electron/*', '**/renderer/*'], message: NODE_AND_CLI_MESSAGE }] };

// The training runtime (runtime/) is shared by the desktop main process, the browser build and
// the CLI: it imports only core/ (and zod); Node's worker_threads and os only in its Node adapter.
const RUNTIME_MESSAGE = 'runtime/ is shared by the desktop app, the browser build and the CLI: it may import core/ only.';
const forbiddenInRuntime = {
  patterns: [
    { group: ['electron', 'electron/*', '**/electron/*', '**/renderer/*', '**/cli/*', 'react', 'react-dom', 'echarts', 'echarts/*', 'zustand', 'zustand/*', '@xyflow/*'], message: RUNTIME_MESSAGE },
    { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'Node modules belong in runtime/node-worker*.ts, the Node adapter, only.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbiddenInCore],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'No DOM in core/.' },
        { name: 'document', message: 'No DOM in core/.' },
        { name: 'process', message: 'No Node globals in core/.' },
        { name: 'require', message: 'No Node globals in core/.' },
        { name: 'Buffer', message: 'No Node globals in core/.' },
        { name: 'console', message: 'core/ reports through return values, not the console.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Pass a seeded Rng (core/random.ts) instead.' },
        { object: 'Date', property: 'now', message: 'Pass a clock in instead.' },
        { object: 'performance', property: 'now', message: 'Pass a clock in instead.' },
      ],
    },
  },
  {
    files: ['cli/**/*.ts', 'node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbiddenInNodeAndCli],
      // The same for import(), which no-restricted-imports does not look at.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/(^|\\/)(electron|renderer)(\\/|$)/]', message: NODE_AND_CLI_MESSAGE }],
    },
  },
  {
    // The HTML lab report and its chart options, shared by the app and the CLI: core, ECharts and
    // i18next (an instance of its own, with the report's catalogs in report/locales) only.
    files: ['report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*', '**/electron/*', '**/renderer/*', '**/cli/*', 'react', 'react-dom', 'zustand', 'zustand/*', '@xyflow/*', 'node:*'], message: 'report/ is shared by the app and the CLI: it may import core/, echarts and i18next only.' }] }],
    },
  },
  {
    files: ['runtime/**/*.ts'],
    ignores: ['runtime/node-worker*.ts'],
    rules: { 'no-restricted-imports': ['error', forbiddenInRuntime] },
  },
  {
    files: ['runtime/node-worker*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [forbiddenInRuntime.patterns[0]] }] },
  },
  {
    // The desktop main process and preload share with the window only neutral ground (core/,
    // runtime/) and the catalogs: main's words live in renderer/locales under `main`.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer/(?!locales/[^/]+\\.json$)', message: 'electron/ may import only the catalogs (renderer/locales/*.json) from renderer/; move shared code to runtime/ or core/.' }] }],
    },
  },
  {
    files: TRANSLATED,
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-only', 'jsx-attributes': { exclude: NOT_WORDS } }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'bin/**', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
