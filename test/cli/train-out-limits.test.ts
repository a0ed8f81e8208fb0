// F1: `bpnn train --out` writes a trained project that opens again, and never one that could not.
// The run training adds names the project's data instead of copying it (docs/format.md "runs"),
// so a project with large imported data stays savable after training; a project that does grow
// past the 64 MiB limit (here by its weights) is refused with where the room goes, and no file is made.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newProject, nodeId, parseProject, serializeProject, type DatasetSpec, type Project } from '../../core/index';
import { bpnn, expectOneLineError, tempDir, writeTemp } from './run';

/** 34 columns whose names are a million `char`s each, two rows: 32.4 MiB of data, cheap to build. */
function wideData(char: string, columns = 34): DatasetSpec {
  return {
    kind: 'inline',
    name: `wide-${char}.csv`,
    featureNames: Array.from({ length: columns }, (_, j) => `${char.repeat(999_999)}${j % 10}`),
    features: [new Array<number>(columns).fill(0.5), new Array<number>(columns).fill(0.25)],
    labels: [0, 1],
    classNames: ['a', 'b'],
  };
}

/** A trainable one-epoch project on `dataset`: Input → Linear(hidden) → Linear(1) → Sigmoid. */
function trainable(dataset: DatasetSpec, hidden: number): Project {
  const p = newProject();
  p.graph.nodes.push(
    { id: nodeId('fc1'), type: 'Linear', params: { outFeatures: hidden }, position: { x: 200, y: 120 } },
    { id: nodeId('fc2'), type: 'Linear', params: { outFeatures: 1 }, position: { x: 400, y: 120 } },
    { id: nodeId('sig1'), type: 'Sigmoid', params: {}, position: { x: 600, y: 120 } },
  );
  p.graph.edges.push(
    { id: 'e1', source: nodeId('input'), target: nodeId('fc1') },
    { id: 'e2', source: nodeId('fc1'), target: nodeId('fc2') },
    { id: 'e3', source: nodeId('fc2'), target: nodeId('sig1') },
  );
  p.training.epochs = 1;
  p.dataset = dataset;
  return p;
}

function textOf(p: Project): string {
  const saved = serializeProject(p);
  if (!saved.ok) throw new Error(saved.message);
  return saved.text;
}

describe('bpnn train --out and the project size limit (F1)', () => {
  it('F1 trains a project whose imported data takes half the limit and writes it: the run names the project’s data, and the file opens again', () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'wide.bpnn', textOf(trainable(wideData('x'), 1)));
    const out = join(dir, 'trained.bpnn');
    const r = bpnn(['train', input, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const written = JSON.parse(text) as { version: number; runs: { dataset: unknown }[] };
    expect(written.version).toBe(2);
    expect(written.runs.map((run) => run.dataset)).toEqual([{ kind: 'project' }]);
    const opened = parseProject(text);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expect(opened.project.runs[0].dataset).toBe(opened.project.dataset);
  });

  it('F1 refuses to write a trained project over 64 MiB, says what takes the room, and writes nothing', () => {
    // 62 MiB to start with: the project's data and an earlier run on other, older data (which
    // keeps its own copy). Training adds 4000 × 34 weights, about 2.6 MiB: over the limit.
    const p = trainable(wideData('x'), 4000);
    const older = trainable(wideData('y', 31), 4000);
    p.runs.push({
      id: 'old',
      name: 'On the old data',
      createdAt: '2026-11-27T12:00:00.000Z',
      settings: older.training,
      dataset: older.dataset,
      curves: { loss: [0.5], accuracy: [1], testLoss: null, testAccuracy: null, lr: [0.05] },
      result: { state: 'done', epochs: 1, loss: 0.5, accuracy: 1, testAccuracy: null, ms: 1 },
    });
    const dir = tempDir();
    const input = writeTemp(dir, 'wide.bpnn', textOf(p));
    const out = join(dir, 'trained.bpnn');
    const r = bpnn(['train', input, '--out', out]);
    expectOneLineError(
      r,
      1,
      /^bpnn: Could not save '.*trained\.bpnn': The project would be 6\d\.\d MiB, over the 64 MiB a project file may hold: its dataset takes 32\.4 MiB, its 2 runs 29\.6 MiB and its weights 2\.\d MiB\. To make it fit, use a smaller sample of the data, or delete runs you no longer need \(a run on imported data other than the project's keeps its own copy of that data\), or use smaller layers; the project is not saved$/,
      expect,
    );
    expect(existsSync(out)).toBe(false);
  });
});
