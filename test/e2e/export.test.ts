// The toolbar's "Export as…" in the browser build: the ONNX model and the PyTorch files arrive as
// downloads, the model runs in ONNX Runtime and predicts what the project it came back as does,
// and exporting breaks none of the page's Content-Security-Policy (docs/export.md, S7).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { importOnnx } from '../../core/index';
import { engineRun, maxDifference, runOnnx, TOLERANCE } from '../export/helpers';
import { cspViolations, openApp, ROOT, SKIP_BROWSER, startApp, type App } from './harness';
import { trainToEnd } from './editor';

const OUT = join(ROOT, 'test-results/e2e-export');

/** Chooses a format in "Export as…" and saves the `count` downloads it starts, by file name. */
async function exportAs(page: Page, format: 'ONNX' | 'PyTorch', count: number): Promise<Record<string, string>> {
  const downloads: Download[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', (d) => {
      downloads.push(d);
      if (downloads.length === count) resolve();
    });
  });
  await page.getByRole('combobox', { name: 'Export as' }).selectOption({ label: format });
  await done;
  const saved: Record<string, string> = {};
  for (const d of downloads) {
    const path = join(OUT, d.suggestedFilename());
    await d.saveAs(path);
    saved[d.suggestedFilename()] = path;
  }
  return saved;
}

describe.skipIf(SKIP_BROWSER)('export for other tools in the browser build', () => {
  let app: App;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    app = await startApp('export');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('downloads an ONNX model that ONNX Runtime runs, and a PyTorch model.py with its weights file', async () => {
    const page = await openApp(app);
    expect(await trainToEnd(page)).toBe('done');

    const onnxFiles = await exportAs(page, 'ONNX', 1);
    expect(Object.keys(onnxFiles)).toEqual(['xor.onnx']);
    const bytes = new Uint8Array(readFileSync(onnxFiles['xor.onnx']));
    const back = importOnnx(bytes, 'xor.onnx');
    if (!back.ok) throw new Error(back.message);
    const engine = engineRun(back.project);
    const ort = await runOnnx(bytes, engine.x, engine.n, engine.inputShape, 'float32');
    expect(maxDifference(ort.data, engine.outputs)).toBeLessThanOrEqual(TOLERANCE.float32);
    await page.getByText('ONNX model exported').waitFor();

    const torchFiles = await exportAs(page, 'PyTorch', 2);
    expect(Object.keys(torchFiles).sort()).toEqual(['xor.py', 'xor.weights.json']);
    expect(readFileSync(torchFiles['xor.py'], 'utf8')).toContain('WEIGHTS = Path(__file__).with_name("xor.weights.json")');
    expect(JSON.parse(readFileSync(torchFiles['xor.weights.json'], 'utf8')).format).toBe('bpnn-weights');

    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
