// `bpnn train`: the acceptance runs on the shipped examples, the output modes, --out and --weights.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseProject } from '../../core/index';
import { bpnn, tempDir, writeTemp } from './run';

const lastJson = (lines: string[]): Record<string, unknown> => JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;

describe('bpnn train on the examples (acceptance)', () => {
  it('examples/xor.bpnn reaches 100% accuracy', () => {
    const r = bpnn(['train', 'examples/xor.bpnn', '--json']);
    expect(r.code).toBe(0);
    const done = lastJson(r.lines);
    expect(done).toMatchObject({ event: 'done', epochs: 5000, accuracy: 1, testAccuracy: null });
    expect(typeof done.ms).toBe('number');
  });

  it('examples/linear.bpnn reaches at least 99% accuracy', () => {
    const done = lastJson(bpnn(['train', 'examples/linear.bpnn', '--json']).lines);
    expect(done.event).toBe('done');
    expect(done.accuracy).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['spiral-softmax', 'waves-conv1d', 'residual-spiral'])('examples/%s.bpnn reaches at least 90% test accuracy', (name) => {
    const done = lastJson(bpnn(['train', `examples/${name}.bpnn`, '--json']).lines);
    expect(done.event).toBe('done');
    expect(done.testAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('bpnn train output', () => {
  it('--json prints only JSON lines: progress events in epoch order, then done', () => {
    const r = bpnn(['train', 'examples/xor.bpnn', '--epochs', '250', '--json']);
    expect(r.code).toBe(0);
    const events = r.lines.map((l) => JSON.parse(l) as { event: string; epoch?: number });
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
    const epochs = events.slice(0, -1).map((e) => e.epoch ?? 0);
    expect(epochs[0]).toBe(1);
    expect(epochs[epochs.length - 1]).toBe(250);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(Object.keys(events[events.length - 1])).toEqual(['event', 'epochs', 'loss', 'accuracy', 'testAccuracy', 'ms']);
  });

  it('reports test accuracy in the done event when the project has a test split', () => {
    const done = lastJson(bpnn(['train', 'examples/spiral-softmax.bpnn', '--epochs', '2', '--json']).lines);
    expect(typeof done.testAccuracy).toBe('number');
  });

  it('prints a few plain progress lines and a summary when the output is not a terminal', () => {
    const r = bpnn(['train', 'examples/xor.bpnn', '--epochs', '100']);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('Training for 100 epochs…');
    expect(r.lines.filter((l) => l.startsWith('epoch ')).length).toBe(10);
    expect(r.stdout).toMatch(/Trained 100 epochs in [\d.]+ m?s\n {2}loss {12}\S+\n {2}train accuracy {2}\d+\.\d%/);
  });

  it('--seed changes the run and the same seed repeats it exactly', () => {
    const a = lastJson(bpnn(['train', 'examples/xor.bpnn', '--epochs', '20', '--seed', '5', '--json']).lines);
    const b = lastJson(bpnn(['train', 'examples/xor.bpnn', '--epochs', '20', '--seed', '5', '--json']).lines);
    const c = lastJson(bpnn(['train', 'examples/xor.bpnn', '--epochs', '20', '--seed', '6', '--json']).lines);
    expect(a.loss).toBe(b.loss);
    expect(a.loss).not.toBe(c.loss);
  });

  it('--out writes a valid trained project with weights and a run record; training it again starts from those weights', () => {
    const dir = tempDir();
    const out = join(dir, 'trained.bpnn');
    const weights = join(dir, 'weights.json');
    const r = bpnn(['train', 'examples/xor.bpnn', '--epochs', '300', '--out', out, '--weights', weights]);
    expect(r.code).toBe(0);
    const parsed = parseProject(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const p = parsed.project;
    expect(p.weights?.fc1.weight.shape).toEqual([32, 2]);
    expect(p.runs).toHaveLength(1);
    expect(p.runs[0].result).toMatchObject({ state: 'done', epochs: 300 });
    expect(p.runs[0].curves.loss).toHaveLength(300);
    expect(new Date(p.runs[0].createdAt).toISOString()).toBe(p.runs[0].createdAt);
    expect(JSON.parse(readFileSync(weights, 'utf8')).format).toBe('bpnn-weights');

    const fresh = JSON.parse(bpnn(['train', 'examples/xor.bpnn', '--epochs', '1', '--json']).lines[0]) as { loss: number };
    const resumed = JSON.parse(bpnn(['train', out, '--epochs', '1', '--json']).lines[0]) as { loss: number };
    expect(resumed.loss).toBeLessThan(p.runs[0].curves.loss[0]);
    expect(resumed.loss).not.toBe(fresh.loss);
    const again = join(dir, 'again.bpnn');
    expect(bpnn(['train', out, '--epochs', '1', '--out', again]).code).toBe(0);
    const twice = parseProject(readFileSync(again, 'utf8'));
    expect(twice.ok && twice.project.runs.map((x) => x.name)).toEqual(['Run 1 (command line)', 'Run 2 (command line)']);
    expect(existsSync(join(dir, '.trained.bpnn.tmp'))).toBe(false);
  });

  it('a diverging run ends with a diverged event and exit code 3, keeping the last good weights in --out', () => {
    const dir = tempDir();
    const doc = JSON.parse(readFileSync('examples/linear.bpnn', 'utf8'));
    doc.graph.nodes = [doc.graph.nodes[0], { id: 'fc1', type: 'Linear', params: { outFeatures: 1 }, position: { x: 200, y: 0 } }, { id: 'out', type: 'Identity', params: {}, position: { x: 400, y: 0 } }];
    doc.graph.edges = [{ id: 'a', source: 'input', target: 'fc1' }, { id: 'b', source: 'fc1', target: 'out' }];
    doc.training.loss = 'mse';
    doc.training.optimizer.lr = 100;
    // One averaged step per epoch: the loss grows epoch by epoch (it explodes, staying finite).
    Object.assign(doc.training, { regime: 'fullBatch', batchSize: 0, bceClip: null });
    const path = writeTemp(dir, 'diverge.bpnn', JSON.stringify(doc));
    const out = join(dir, 'out.bpnn');
    const r = bpnn(['train', path, '--json', '--out', out]);
    expect(r.code).toBe(3);
    const last = lastJson(r.lines);
    expect(last.event).toBe('diverged');
    expect(String(last.reason)).toMatch(/^Loss exploded to \S+ at epoch \d+ \(it started at [\d.]+\)/);
    const saved = parseProject(readFileSync(out, 'utf8'));
    expect(saved.ok && saved.project.runs[0].result.state).toBe('diverged');
  });
});
