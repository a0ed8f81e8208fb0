import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { ISOLATION_HEADERS } from './scripts/serve-static.mjs';

// The browser build of the renderer. `base: './'` makes every asset path relative so
// dist/web/ works from any static server or sub-folder (and from file:// in Electron).
// Vite 8 transforms TSX itself through Oxc; no React plugin is needed for a production build.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // protobufjs (the ONNX export) would load `long`, which compiles WebAssembly the CSP forbids.
  resolve: { alias: { long: fileURLToPath(new URL('./renderer/backend/web/no-long.ts', import.meta.url)) } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The app is one page used for hours; one larger bundle is fine and avoids waterfalls.
    chunkSizeWarningLimit: 2_000,
    rolldownOptions: {
      onLog(level, log, handler) {
        // React Flow marks itself "use client" for React Server Components; irrelevant here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  worker: { format: 'es' },
  // Cross-origin isolation, as scripts/serve-static.mjs and the app:// protocol send it.
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, headers: ISOLATION_HEADERS },
});
