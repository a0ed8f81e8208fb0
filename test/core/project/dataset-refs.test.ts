// Format 2: a run's imported data is written once per distinct dataset. A run on the project's
// data, or on data an earlier run wrote, names it; opening puts the same object back
// (docs/format.md "runs"; docs/reliability.md F1, F3, F7).
import { describe, expect, it } from 'vitest';
import { newProject, parseProject, serializeProject, validateProjectValue, type DatasetSpec, type Project, type RunRecord } from '../../../core/index';
import { goldenV2Text, loadOk, english } from './helpers';

type InlineData = Extract<DatasetSpec, { kind: 'inline' }>;

const data = (name: string, rows: number[][], labels: number[]): InlineData => ({
  kind: 'inline',
  name,
  featureNames: ['a', 'b'],
  features: rows,
  labels,
  classNames: ['no', 'yes'],
});

const projectData = data('now.csv', [[1, 2], [3, 4], [5, 6]], [0, 1, 1]);
const olderData = data('before.csv', [[1, 2], [3, 4]], [0, 1]);

function run(id: string, dataset: DatasetSpec): RunRecord {
  return {
    id,
    name: `Run ${id}`,
    createdAt: '2026-12-02T12:00:00.000Z',
    settings: newProject().training,
    dataset,
    curves: { loss: [0.5], accuracy: [1], testLoss: null, testAccuracy: null, lr: [0.05] },
    result: { state: 'done', epochs: 1, loss: 0.5, accuracy: 1, testAccuracy: null, ms: 1 },
  };
}

const withRuns = (runs: RunRecord[], dataset: DatasetSpec = projectData): Project => ({ ...newProject(), dataset, runs });

/** What the file holds for each run's dataset. */
function writtenData(p: Project): unknown[] {
  const saved = serializeProject(p);
  if (!saved.ok) throw new Error(saved.message);
  return (JSON.parse(saved.text) as { runs: { dataset: unknown }[] }).runs.map((r) => r.dataset);
}

describe('saving writes a run’s data once per distinct dataset', () => {
  it('names the project’s data and an earlier run’s data, by value, not by which object a run holds', () => {
    const p = withRuns([run('r1', projectData), run('r2', olderData), run('r3', structuredClone(olderData)), run('r4', structuredClone(projectData))]);
    expect(writtenData(p)).toEqual([{ kind: 'project' }, olderData, { kind: 'run', id: 'r2' }, { kind: 'project' }]);
  });

  it('writes generator data out, even when it is the project’s: it is a few bytes', () => {
    const xor: DatasetSpec = { kind: 'generator', generator: 'xor', params: {}, seed: 1 };
    expect(writtenData(withRuns([run('r1', xor), run('r2', xor)], xor))).toEqual([xor, xor]);
  });

  it('keeps a copy when anything differs: a value, a label, the name, a class, the shape', () => {
    const variants: DatasetSpec[] = [
      data('now.csv', [[1, 2], [3, 4], [5, 7]], [0, 1, 1]),
      data('now.csv', [[1, 2], [3, 4], [5, 6]], [0, 1, 0]),
      data('other.csv', [[1, 2], [3, 4], [5, 6]], [0, 1, 1]),
      { ...projectData, classNames: ['no', 'maybe'] },
      { ...projectData, featureNames: ['a', 'c'] },
      { ...projectData, inputShape: [1, 2] },
    ];
    const written = writtenData(withRuns(variants.map((d, i) => run(`r${i}`, d))));
    expect(written).toEqual(variants);
  });

  it('never names a run by an id an earlier run already has, since a reference means the first', () => {
    const p = withRuns([run('a', olderData), run('a', data('x.csv', [[0, 0]], [0])), run('b', data('x.csv', [[0, 0]], [0])), run('c', data('x.csv', [[0, 0]], [0]))]);
    const written = writtenData(p);
    expect(written.slice(0, 3)).toEqual([olderData, p.runs[1].dataset, p.runs[2].dataset]);
    expect(written[3]).toEqual({ kind: 'run', id: 'b' });
    const saved = serializeProject(p);
    const opened = saved.ok ? loadOk(saved.text) : null;
    expect(opened?.runs.map((r) => r.dataset)).toEqual(p.runs.map((r) => r.dataset));
  });

  it('leaves the project it saves untouched', () => {
    const p = withRuns([run('r1', projectData), run('r2', structuredClone(projectData))]);
    const before = structuredClone(p);
    expect(serializeProject(p).ok).toBe(true);
    expect(p).toEqual(before);
    expect(p.runs[0].dataset).toBe(projectData);
  });
});

describe('opening resolves a run’s reference to the data it names', () => {
  it('gives each run the very object it names, so shared data is in memory once (v2 golden file)', () => {
    const p = loadOk(goldenV2Text());
    const [, , older, again, onProject] = p.runs;
    expect(older.dataset.kind).toBe('inline');
    expect(again.dataset).toBe(older.dataset);
    expect(onProject.dataset).toBe(p.dataset);
    // Saving it again writes the same references.
    const saved = serializeProject(p);
    const runs = saved.ok ? (JSON.parse(saved.text) as { runs: { dataset: unknown }[] }).runs : [];
    const original = (JSON.parse(goldenV2Text()) as { runs: { dataset: unknown }[] }).runs;
    expect(runs.map((r) => r.dataset)).toEqual(original.map((r) => r.dataset));
  });

  /** The v2 golden file with its runs' datasets replaced by `refs` (index → dataset). */
  function goldenWith(refs: Record<number, unknown>): ReturnType<typeof parseProject> {
    const doc = JSON.parse(goldenV2Text()) as { runs: { dataset: unknown }[] };
    for (const [i, d] of Object.entries(refs)) doc.runs[Number(i)].dataset = d;
    return parseProject(JSON.stringify(doc));
  }

  it('F3 refuses a reference to a run that does not exist, with its path and what to do', () => {
    expect(english(goldenWith({ 4: { kind: 'run', id: 'run-9' } }))).toEqual({
      ok: false,
      more: 0,
      problems: [{ path: 'runs[4].dataset.id', message: "This run's data is that of run 'run-9', but no run has that id: delete this run, or put back the run it names" }],
    });
  });

  it('F3 refuses a reference to a later run or to the run itself, and the chain of runs that depends on it', () => {
    expect(english(goldenWith({ 2: { kind: 'run', id: 'run-5' } }))).toEqual({
      ok: false,
      more: 0,
      problems: [
        { path: 'runs[2].dataset.id', message: "This run's data is that of run 'run-5' (runs[4]), which comes after it; a run can only share the data of a run before it" },
        { path: 'runs[3].dataset.id', message: "This run's data is that of run 'run-3' (runs[2]), whose own data cannot be found either" },
      ],
    });
    const self = goldenWith({ 2: { kind: 'run', id: 'run-3' } });
    expect(english(self.ok === false && self.problems[0])).toEqual({ path: 'runs[2].dataset.id', message: "This run's data names the run itself ('run-3'); a run can only share the data of a run before it" });
  });

  it('F3 refuses a reference as the project’s own dataset, and a reference with other keys', () => {
    const doc = JSON.parse(goldenV2Text()) as { dataset: unknown };
    doc.dataset = { kind: 'project' };
    const top = parseProject(JSON.stringify(doc));
    expect(top.ok === false && top.problems.map((p) => p.path)).toEqual(['dataset.kind']);
    const extra = goldenWith({ 4: { kind: 'project', id: 'run-3' } });
    expect(english(extra.ok === false && extra.problems)).toEqual([{ path: 'runs[4].dataset', message: 'Unrecognized key: "id"' }]);
  });

  it('a project handed over in memory (an IPC payload) comes back with its runs on the one data object', () => {
    const p = withRuns([run('r1', projectData), run('r2', structuredClone(projectData))]);
    const checked = validateProjectValue(p);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.project.dataset).toEqual(projectData);
    for (const r of checked.project.runs) expect(r.dataset).toBe(checked.project.dataset);
  });
});
