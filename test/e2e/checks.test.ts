// Issue 4: an invalid graph says what is wrong on the node and on the Train button; and the
// shipped page's Content-Security-Policy really blocks injected script, remote images and eval (S7).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, openApp, ROOT, screenshot, SKIP_BROWSER, startApp, type App } from './harness';
import { connect, dragFromPalette, nodeGroup, nodeIds, showTab, trainToEnd } from './editor';

describe.skipIf(SKIP_BROWSER)('checks in the browser build', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp('checks');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('marks a Linear placed after Conv1d without Flatten and gives that reason next to the disabled Train button', async () => {
    const page = await openApp(app);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['input']);
    await showTab(page, 'Data');
    await page.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption('waves');
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('signal');

    const conv = await dragFromPalette(page, 'Conv1d', { x: 80, y: 30 });
    const linear = await dragFromPalette(page, 'Linear', { x: 420, y: 30 });
    await connect(page, 'input', conv);
    await connect(page, conv, linear);

    const node = nodeGroup(page, 'Linear', linear);
    await expect.poll(() => node.getAttribute('aria-invalid')).toBe('true');
    const onNode = (await node.getByRole('img', { name: 'Problem', exact: true }).getAttribute('title')) ?? '';
    expect(onNode).toMatch(/Flatten/);
    expect(await nodeGroup(page, 'Conv1d', conv).getAttribute('aria-invalid')).toBeNull();

    await showTab(page, 'Training');
    const train = page.getByRole('button', { name: 'Train', exact: true });
    expect(await train.isDisabled()).toBe(true);
    const reason = page.getByTestId('train-reason');
    const reasonText = (await reason.textContent()) ?? '';
    expect(reasonText).toContain(linear);
    expect(reasonText).toMatch(/Flatten/);
    // The reason is the button's description for screen readers, too.
    const describedBy = await train.getAttribute('aria-describedby');
    expect(describedBy).toBe(await reason.getAttribute('id'));
    await screenshot(page, '13-invalid-graph-needs-flatten');
    await page.close();
  });

  it('imports a CSV: a bad cell is named by row and column, a good file shows a preview and becomes the dataset', async () => {
    const page = await openApp(app);
    await showTab(page, 'Data');
    const dir = join(ROOT, 'test-results/e2e-files');
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, 'bad.csv');
    const good = join(dir, 'good.csv');
    writeFileSync(bad, 'x1,x2,label\n0,0,0\n1,oops,1\n');
    writeFileSync(good, ['x1,x2,label', ...Array.from({ length: 30 }, (_, i) => `${(i % 6) / 5},${Math.floor(i / 6) / 4},${i % 2}`)].join('\n'));
    const importCsv = async (path: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import CSV…' }).click()]);
      await chooser.setFiles(path);
    };

    await importCsv(bad);
    const problems = page.getByRole('alert', { name: 'CSV problems' });
    await problems.waitFor();
    const said = (await problems.textContent()) ?? '';
    expect(said).toMatch(/Row 2 \(line 3\), column 'x2' is not a number: "oops"/);
    // Each problem names its place once (it used to repeat "Row 2, column 'x2': Row 2 (line 3)…").
    expect(said.match(/Row 2/g)).toHaveLength(1);
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('21 samples');

    await importCsv(good);
    await problems.waitFor({ state: 'detached' });
    const preview = page.getByRole('region', { name: 'Data preview' });
    expect(await preview.locator('tbody tr').count()).toBe(8);
    expect(await preview.locator('caption').textContent()).toContain('good.csv: 30 rows, 2 features, 2 classes');
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('30 samples');
    await screenshot(page, '14-csv-imported');
    await page.close();
  });

  it('N6: a diverging run says what happened and what to try, and one click restarts with a smaller learning rate', async () => {
    const page = await openApp(app);
    // The lab network without its output Sigmoid, trained with MSE at the largest learning rate
    // allowed: the loss explodes (docs/reliability.md N1) long before it could overflow.
    const project = JSON.parse(readFileSync(join(ROOT, 'examples/xor.bpnn'), 'utf8')) as {
      graph: { nodes: { id: string }[]; edges: { target: string }[] };
      training: { loss: string; optimizer: { lr: number } };
    };
    project.graph.nodes = project.graph.nodes.filter((n) => n.id !== 'sig3');
    project.graph.edges = project.graph.edges.filter((e) => e.target !== 'sig3');
    project.training.loss = 'mse';
    project.training.optimizer.lr = 100;
    const file = join(ROOT, 'test-results/e2e-files/diverges.bpnn');
    mkdirSync(join(ROOT, 'test-results/e2e-files'), { recursive: true });
    writeFileSync(file, JSON.stringify(project));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open', exact: true }).click()]);
    await chooser.setFiles(file);
    await expect.poll(() => page.title()).toContain('diverges.bpnn');

    expect(await trainToEnd(page)).toBe('diverged');
    const message = page.getByRole('region', { name: 'Training' }).getByRole('alert');
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/Loss exploded to [\d.e+]+ at epoch \d+ \(it started at [\d.]+\)/);
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(text).toMatch(/epoch \d+/i);
    expect(text).toContain('What to try');
    expect(text).not.toMatch(/at \w+ \(|\.ts:\d+/);
    await screenshot(page, '15-diverged-with-advice');

    await message.getByRole('button', { name: /Restart with learning rate/ }).click();
    const lr = page.getByRole('region', { name: 'Training' }).getByLabel('Learning rate', { exact: true });
    await expect.poll(() => lr.inputValue()).toBe('10');
    await page.close();
  });

  it('gives every control an accessible name, in every tab, after a run', async () => {
    const page = await openApp(app);
    expect(await trainToEnd(page)).toBe('done');
    const cdp = await page.context().newCDPSession(page);
    const CONTROL_ROLES = new Set(['button', 'textbox', 'combobox', 'checkbox', 'slider', 'spinbutton', 'tab', 'progressbar', 'radio', 'menuitem', 'link', 'listbox']);
    const unnamed: string[] = [];
    let controls = 0;
    for (const tab of ['Node', 'Data', 'Training'] as const) {
      await showTab(page, tab);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
      };
      for (const n of nodes) {
        const role = n.role?.value ?? '';
        if (n.ignored || !CONTROL_ROLES.has(role)) continue;
        controls += 1;
        if (!n.name?.value.trim()) unnamed.push(`${tab} tab: a ${role}`);
      }
    }
    expect(controls).toBeGreaterThan(40);
    expect(unnamed).toEqual([]);
    await page.close();
  });

  it('S7: ships a strict CSP meta tag (script-src self and wasm-unsafe-eval, no unsafe-inline, no unsafe-eval)', () => {
    const html = readFileSync(join(ROOT, 'test-results/e2e-web-checks/index.html'), 'utf8');
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    // 'wasm-unsafe-eval' lets the engine compile its WebAssembly kernels; it allows no eval of script.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|\*/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('S7: the CSP blocks an injected inline script, a remote image and eval but lets WebAssembly compile, and reports each violation; the app itself causes none', async () => {
    const page = await openApp(app);
    expect(await trainToEnd(page)).toBe('done');
    // Training, charts, React Flow and the worker run without a single violation.
    expect(await cspViolations(page)).toEqual([]);

    // Code run through the DevTools protocol is exempt from the CSP, so eval is tried by a
    // script the page loads from its own origin, as the app's own code would.
    writeFileSync(
      join(ROOT, 'test-results/e2e-web-checks/eval-probe.js'),
      "try { window.__evalOutcome = 'eval returned ' + eval('1'); } catch (e) { window.__evalOutcome = e.name; }\n" +
        // 'wasm-unsafe-eval' lets a script compile WebAssembly (the engine's kernels) all the same.
        "try { new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0)); window.__wasmOutcome = 'compiled'; } catch (e) { window.__wasmOutcome = e.name; }\n",
    );
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://evil.example/x';
      document.body.append(img);
      const probe = document.createElement('script');
      probe.src = './eval-probe.js';
      document.body.append(probe);
    });
    await page.waitForFunction(() => (window as unknown as { __evalOutcome?: string }).__evalOutcome !== undefined);
    expect(await page.evaluate(() => (window as unknown as { __evalOutcome?: string }).__evalOutcome)).toBe('EvalError');
    expect(await page.evaluate(() => (window as unknown as { __wasmOutcome?: string }).__wasmOutcome)).toBe('compiled');
    await expect.poll(async () => (await cspViolations(page)).map((v) => v.directive).sort()).toEqual(['img-src', 'script-src', 'script-src-elem']);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});
