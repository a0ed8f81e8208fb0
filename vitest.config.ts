import { defineConfig } from 'vitest/config';

// One Vitest run, several projects: the engine, the CLI, the Electron main side and the
// renderer's pure logic run in Node; `e2e` drives the web build in headless Chromium, and
// `desktop` the desktop app's real main process with its window in Chromium.
export default defineConfig({
  test: {
    // expect.poll waits for what the test set in motion (a run to start, a worker to answer).
    // Vitest's default of 1 s made such waits fail on a busy machine (CI once saw a run still
    // 'starting' after 1 s); a poll that succeeds returns at once, so a long bound costs nothing.
    expect: { poll: { timeout: 30_000 } },
    // A bound on a test's time is no measure of speed here (benchmarks do that), only a guard
    // against a hang: it must hold on a machine five times slower than usual. Vitest's 5 s default
    // failed a jsdom render of a 32 × 32 matrix on a loaded 2-core machine, and 60 s failed the
    // CLI's whole-lab run at a load of 10 on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'cli', include: ['test/cli/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
      { extends: true, test: { name: 'electron', include: ['test/electron/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
      { extends: true, test: { name: 'runtime', include: ['test/runtime/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
      { extends: true, test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'node', setupFiles: ['test/renderer/setup-i18n.ts'] } },
      // Exports to other tools, each checked by the tool itself (ONNX Runtime; PyTorch where installed).
      { extends: true, test: { name: 'export', include: ['test/export/**/*.test.ts'], environment: 'node', testTimeout: 600_000 } },
      {
        // The desktop app as a whole: the real main process with an Electron stand-in whose
        // windows are Chromium pages (test/desktop/harness), the package layout and `npm start`.
        extends: true,
        test: {
          name: 'desktop',
          include: ['test/desktop/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
