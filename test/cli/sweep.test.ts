// `bpnn sweep`: the lab's experiments from the command line (issue 5 acceptance), on the
// training host's worker pool, with the table, JSON lines, the report and one-line errors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bpnn, expectOneLineError, tempDir, writeTemp } from './run';

/** "Well below 100%": XOR's 21 points cannot be split by a line; a linear model stays near half. */
const NOT_LEARNED = 0.9;

interface RunLine {
  event: 'run';
  index: number;
  value: string;
  state: string;
  accuracy: number;
  loss: number;
  epochToTarget: number | null;
  ms: number;
}

function jsonLines(stdout: string): { runs: RunLine[]; summary: Record<string, unknown> } {
  const lines = stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  const summary = lines[lines.length - 1];
  expect(summary.event).toBe('summary');
  return { runs: lines.slice(0, -1) as unknown as RunLine[], summary };
}

const xorText = readFileSync('examples/xor.bpnn', 'utf8');

describe('bpnn sweep: the lab\'s findings on XOR', () => {
  it('learns XOR with Sigmoid (100%) and not without activation (Identity), and writes the report with both runs', () => {
    const report = join(tempDir(), 'report.html');
    const r = bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'activation=Sigmoid,Identity', '--seeds', '1', '--json', '--report', report]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { runs, summary } = jsonLines(r.stdout);
    expect(runs.map((l) => [l.event, l.value, l.state])).toEqual([
      ['run', 'Sigmoid', 'done'],
      ['run', 'Identity', 'done'],
    ]);
    expect(runs[0].accuracy).toBe(1);
    expect(runs[1].accuracy).toBeLessThan(NOT_LEARNED);
    expect(summary).toMatchObject({ setting: 'activation', runs: 2, done: 2, errors: 0, report, best: { value: 'Sigmoid', accuracy: 1 } });

    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<tr data-run-id=/g)?.length).toBe(3); // the results run and the experiment's two rows
    expect(html).toContain('Identity (no activation)');
    // Self-contained: no scripts and nothing fetched from elsewhere.
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
  });

  it('learns XOR with 32 hidden units (100%) and not with 1', () => {
    const r = bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'hidden=1,32', '--seeds', '1', '--json']);
    expect(r.code).toBe(0);
    const { runs } = jsonLines(r.stdout);
    expect(runs.map((l) => l.value)).toEqual(['1', '32']);
    expect(runs[0].accuracy).toBeLessThan(NOT_LEARNED);
    expect(runs[1].accuracy).toBe(1);
  });

  it('gives identical tables when the same sweep runs twice (apart from the time)', () => {
    const short = writeTemp(tempDir(), 'short.bpnn', xorText.replace('"epochs": 5000', '"epochs": 400'));
    const once = () => {
      const r = bpnn(['sweep', short, '--vary', 'lr=0.5,0.05,1', '--seeds', '1', '--json']);
      expect(r.code).toBe(0);
      return jsonLines(r.stdout).runs.map(({ ms: _ms, ...rest }) => rest);
    };
    const first = once();
    expect(first).toHaveLength(3);
    expect(once()).toEqual(first);
  });

  it('prints an aligned table with one row per value, and --out keeps the runs in the project\'s history', () => {
    const dir = tempDir();
    const short = writeTemp(dir, 'short.bpnn', xorText.replace('"epochs": 5000', '"epochs": 50'));
    const saved = join(dir, 'with-runs.bpnn');
    const r = bpnn(['sweep', short, '--vary', 'optimizer=SGD,adam', '--seeds', '1', '--out', saved]);
    expect(r.code).toBe(0);
    const table = r.lines.slice(r.lines.findIndex((l) => l.startsWith('Optimizer')));
    expect(table[0]).toMatch(/^Optimizer\s+state\s+final loss\s+train acc\s+epoch @100%\s+diverged\s+time$/);
    expect(table[2]).toMatch(/^SGD\s+done\s/);
    expect(table[3]).toMatch(/^Adam\s+done\s/);
    const project = JSON.parse(readFileSync(saved, 'utf8')) as { runs: { name: string; sweep: { setting: string; value: string }; curves: { loss: number[] } }[] };
    expect(project.runs.map((run) => [run.name, run.sweep.setting, run.sweep.value, run.curves.loss.length])).toEqual([
      ['Optimizer SGD', 'optimizer', 'SGD', 50],
      ['Optimizer Adam', 'optimizer', 'Adam', 50],
    ]);
    expect(bpnn(['validate', saved]).lines).toEqual([expect.stringMatching(/^memory: .*: ok$/), 'ok']);
  });
});

describe('bpnn sweep: bad input is one clear line and a non-zero exit', () => {
  it('refuses a setting no sweep can vary, listing the ones it can', () => {
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'colour=red,blue']), 2, /'colour' is not a setting a sweep can vary; choose one of lr, hidden, activation/, expect);
  });

  it('names the bad value and its position', () => {
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr=0.1,fast']), 2, /--vary lr: value 2: A learning rate must be a number above 0 .*'fast'/, expect);
  });

  it('refuses --vary without values or without "="', () => {
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr=']), 2, /has no values/, expect);
    expectOneLineError(bpnn(['sweep', 'examples/xor.bpnn', '--vary', 'lr']), 2, /needs <setting>=<v1>,<v2>/, expect);
  });

  it('refuses a hidden-units sweep on a network without hidden layers', () => {
    expectOneLineError(bpnn(['sweep', 'examples/waves-conv1d.bpnn', '--vary', 'hidden=4,8']), 2, /no hidden Linear layer/, expect);
  });

  it('reports a missing project file with its name', () => {
    expectOneLineError(bpnn(['sweep', 'nope.bpnn', '--vary', 'lr=0.1']), 1, /nope\.bpnn.*no such file/, expect);
  });
});

describe('runPlan: a sweep on any training host', () => {
  it('starts every run at once and returns each run\'s curves and result in the sweep\'s order, whatever order they end in', async () => {
    const { runPlan } = await import('../../cli/sweep');
    const { expandSweep, projectToSpec, parseProject } = await import('../../core/index');
    const parsed = parseProject(xorText);
    if (!parsed.ok) throw new Error('xor');
    const p = parsed.project;
    const r = expandSweep({ spec: projectToSpec(p), dataset: p.dataset, settings: p.training }, { setting: 'lr', values: ['0.1', '0.2', '0.3'] });
    if (!r.ok) throw new Error('plan');
    type Listener = Parameters<Parameters<typeof runPlan>[1]['onEvent']>[0];
    let listener: Listener = () => undefined;
    const started: string[] = [];
    const host = {
      onEvent: (l: Listener) => {
        listener = l;
        return () => undefined;
      },
      stop: () => undefined,
      start: async (req: unknown) => {
        const { runId } = req as { runId: string };
        started.push(runId);
        if (runId.endsWith('-1')) return { ok: false as const, problems: [{ code: 'bad-setting' as const, field: 'runId', message: 'refused for the test' }] };
        return { ok: true as const, shapes: [] };
      },
    };
    const done = runPlan(r.plan, host as never, { runIdPrefix: 't' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const result = (epochs: number) => ({ state: 'done' as const, epochs, loss: 0.1, accuracy: 1, testAccuracy: null, ms: 1 });
    const metric = (epoch: number) => ({ epoch, loss: 1 / epoch, accuracy: 1, testLoss: null, testAccuracy: null, lr: 0.1 });
    listener({ type: 'progress', runId: 't-2', epochs: [metric(1), metric(2)], batch: 2 }, []);
    listener({ type: 'done', runId: 't-2', result: result(2), weights: {} }, []);
    listener({ type: 'progress', runId: 'other-run', epochs: [metric(1)], batch: 1 }, []);
    listener({ type: 'progress', runId: 't-0', epochs: [metric(1)], batch: 1 }, []);
    listener({ type: 'done', runId: 't-0', result: result(1), weights: {} }, []);
    const outcomes = await done;
    expect(started).toEqual(['t-0', 't-1', 't-2']);
    expect(outcomes.map((o) => [o.run.value, o.result.state, o.metrics.length])).toEqual([
      ['0.1', 'done', 1],
      ['0.2', 'error', 0],
      ['0.3', 'done', 2],
    ]);
    expect(outcomes[1].result.errorMessage).toBe('refused for the test');
  });
});
