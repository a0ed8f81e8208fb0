import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbiddenInCore = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', 'crypto', 'url', 'util'], message: 'core/ must run in a browser Web Worker too: no Node imports.' },
    { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'echarts', 'echarts/*', 'zustand', 'zustand/*'], message: 'core/ must not import UI libraries.' },
    { group: ['../electron/*', '../renderer/*', '../../electron/*', '../../renderer/*', '../../../*'], message: 'core/ must not reach outside core/.' },
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
    files: ['**/*.{js,mjs,cjs}', 'bin/**', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
