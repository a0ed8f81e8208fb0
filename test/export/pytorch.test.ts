// The PyTorch export. Where a Python with PyTorch is installed (python3, Debian's python3-torch at
// /usr/bin/python3, or BPNN_PYTHON), model.py is run on every example's training data and must
// predict what the engine does. Everywhere, the generated code is checked for what it says and,
// where Python exists, parsed by Python itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainingSession, exportPyTorch, exportWeights, makeDataset, nodeId, projectToSpec, type Project } from '../../core/index';
import { APP_VERSION, EXAMPLES, TOLERANCE, decided, everyBlockProject, example, joinsProject, maxDifference, trainBriefly } from './helpers';

const works = (python: string, code: string): boolean => spawnSync(python, ['-c', code], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const candidates = [...new Set([process.env.BPNN_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p))];
const python = candidates.find((p) => works(p, 'import ast'));
const torchPython = candidates.find((p) => works(p, 'import torch'));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function exportBoth(project: Project, dir: string): string {
  const code = exportPyTorch(project, { weightsFile: 'model.weights.json', appVersion: APP_VERSION });
  const weights = exportWeights(project);
  if (!code.ok || !weights.ok) throw new Error('export refused');
  writeFileSync(join(dir, 'model.weights.json'), weights.text);
  writeFileSync(join(dir, 'model.py'), code.text);
  return code.text;
}

describe('PyTorch export: the generated model.py', () => {
  it('rebuilds every block kind as its PyTorch module, named as on the canvas', () => {
    const code = exportPyTorch(trainBriefly(everyBlockProject()), { weightsFile: 'every.weights.json', appVersion: APP_VERSION });
    if (!code.ok) throw new Error(code.message);
    const modules = code.text.split('\n').filter((l) => l.startsWith('        ("'));
    expect(modules).toEqual([
      '        ("conv1", nn.Conv1d(1, 4, kernel_size=5, stride=2, padding=2)),',
      '        ("leaky", nn.LeakyReLU(negative_slope=0.1)),',
      '        ("conv2", nn.Conv1d(4, 3, kernel_size=3, stride=1, padding=0)),',
      '        ("tanh", nn.Tanh()),',
      '        ("flat", nn.Flatten()),',
      '        ("fc1", nn.Linear(30, 8)),',
      '        ("sig", nn.Sigmoid()),',
      '        ("fc2", nn.Linear(8, 6, bias=False)),',
      '        ("relu", nn.ReLU()),',
      '        ("same", nn.Identity()),',
      '        ("fc3", nn.Linear(6, 3)),',
      '        ("soft", nn.Softmax(dim=-1)),',
    ]);
    expect(code.text).toContain('WEIGHTS = Path(__file__).with_name("every.weights.json")');
    expect(code.text).toContain('INPUT_SHAPE = (1, 24)');
    expect(code.text).toContain('CLASSES = ["sine", "square", "triangle"]');
    expect(code.text).toContain('def predict(model, points):');
    expect(code.text).toContain('DTYPE = torch.float64');
  });

  it('stays valid Python whatever the project and its blocks are called', () => {
    const p = trainBriefly(example('xor'));
    const renamed: Project = {
      ...p,
      name: 'Tricky """ name\nimport os; os.remove("x")\u2028# \\',
      graph: {
        nodes: p.graph.nodes.map((n) => (n.id === 'fc1' ? { ...n, id: nodeId('a.b') } : n.id === 'sig1' ? { ...n, id: nodeId('a_b') } : n)),
        edges: p.graph.edges.map((e) => ({ ...e, source: e.source === 'fc1' ? nodeId('a.b') : e.source === 'sig1' ? nodeId('a_b') : e.source, target: e.target === 'fc1' ? nodeId('a.b') : e.target === 'sig1' ? nodeId('a_b') : e.target })),
      },
      weights: Object.fromEntries(Object.entries(p.weights ?? {}).map(([k, v]) => [k === 'fc1' ? 'a.b' : k, v])),
    };
    const code = exportPyTorch(renamed, { weightsFile: 'w.json', appVersion: APP_VERSION });
    if (!code.ok) throw new Error(code.message);
    const lines = code.text.split('\n');
    expect(lines[0]).toBe('# Tricky """ name import os; os.remove("x") # \\: the network from BPNN Studio 0.1.0, rebuilt in PyTorch.'.replace('0.1.0', APP_VERSION));
    expect(lines.filter((l) => l.includes('import os'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('        ("a'))).toEqual(['        ("a_b", nn.Linear(2, 32)),', '        ("a_b_2", nn.Sigmoid()),']);
    if (python) {
      const r = spawnSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code.text, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('writes a graph as a module whose forward follows the edges: a sum for Add, torch.cat on dim 1 for Concat', () => {
    const residual = exportPyTorch(trainBriefly(example('residual-spiral')), { weightsFile: 'w.json', appVersion: APP_VERSION });
    if (!residual.ok) throw new Error(residual.message);
    const forward = residual.text.split('\n').filter((l) => l.startsWith('        h') || l.startsWith('        return h'));
    expect(forward).toEqual([
      '        h1 = self.blocks["fc1"](x)',
      '        h2 = self.blocks["tanh1"](h1)',
      '        h3 = self.blocks["fc2"](h2)',
      '        h4 = self.blocks["tanh2"](h3)',
      '        h5 = h2 + h4  # Add "add"',
      '        h6 = self.blocks["fc3"](h5)',
      '        h7 = self.blocks["softmax"](h6)',
      '        return h7',
    ]);
    expect(residual.text).toContain('class Net(nn.Module):');
    const joins = exportPyTorch(trainBriefly(joinsProject()), { weightsFile: 'w.json', appVersion: APP_VERSION });
    if (!joins.ok) throw new Error(joins.message);
    expect(joins.text).toContain('        h3 = torch.cat([h2, x], dim=1)  # Concat "cat"');
    if (python) {
      for (const code of [residual.text, joins.text]) {
        const r = spawnSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
      }
    }
  });

  it.skipIf(!python)('parses as Python for every example', () => {
    for (const name of EXAMPLES) {
      const code = exportPyTorch(trainBriefly(example(name)), { weightsFile: 'model.weights.json', appVersion: APP_VERSION });
      if (!code.ok) throw new Error(code.message);
      const r = spawnSync(python as string, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code.text, encoding: 'utf8' });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    }
  });
});

// .ci/run installs python3-torch and sets BPNN_REQUIRE_TORCH=1: there the skip below would hide
// the only check that the generated code runs, so a missing torch fails instead.
it.runIf(process.env.BPNN_REQUIRE_TORCH === '1')('finds a Python with torch (BPNN_REQUIRE_TORCH=1)', () => {
  expect(torchPython, `none of ${candidates.join(', ')} can import torch`).toBeDefined();
});

describe.skipIf(!torchPython)(`PyTorch export run in PyTorch (${torchPython ?? 'skipped: no Python with torch; install python3-torch or set BPNN_PYTHON'})`, () => {
  for (const name of [...EXAMPLES, 'residual-spiral', 'every block kind', 'both joins']) {
    it(`${name}: model.py predicts the engine's probabilities within ${TOLERANCE.float64}, and the same classes`, () => {
      const project = trainBriefly(name === 'every block kind' ? everyBlockProject() : name === 'both joins' ? joinsProject() : example(name));
      const dir = mkdtempSync(join(tmpdir(), 'bpnn-torch-'));
      dirs.push(dir);
      exportBoth(project, dir);
      const data = makeDataset(project.dataset);
      if (!data.ok) throw new Error('dataset');
      const { x, n } = data.dataset;
      const width = x.length / n;
      writeFileSync(join(dir, 'points.json'), JSON.stringify(Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * width, (i + 1) * width)))));
      const driver = 'import json, sys\nsys.path.insert(0, sys.argv[1])\nimport model\nc, p = model.predict(model.load(model.build()), json.load(open(sys.argv[2])))\nprint(json.dumps({"classes": c.tolist(), "probs": p.tolist()}))\n';
      const r = spawnSync(torchPython as string, ['-c', driver, dir, join(dir, 'points.json')], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, r.stderr).toBe(0);
      const got = JSON.parse(r.stdout) as { classes: number[]; probs: number[][] };

      const created = createTrainingSession({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training, initialWeights: project.weights }, { now: () => 0 });
      if (!created.ok) throw new Error('session');
      const want = created.session.predict(x, n);
      const k = want.length / n;
      expect(maxDifference(got.probs.flat(), want)).toBeLessThanOrEqual(TOLERANCE.float64);
      const sure = decided(want, k, TOLERANCE.float64);
      const wantClasses = Array.from({ length: n }, (_, i) => {
        let best = 0;
        for (let j = 1; j < k; j++) if (want[i * k + j] > want[i * k + best]) best = j;
        return best;
      });
      expect(got.classes.filter((_, i) => sure[i])).toEqual(wantClasses.filter((_, i) => sure[i]));
    });
  }
});
