// The PyTorch export: a short model.py a student can read next to the Backprop tab. It rebuilds
// the network as an nn.Sequential whose modules carry the blocks' names (a graph as a module
// whose forward follows the edges), loads the trained
// numbers from the weights file written beside it (docs/weights.md), and predicts the way the
// app does, in float64 so the numbers match the app's.
import type { Project } from '../project/types';
import type { Text } from '../messages/text';
import { isChain, type CompiledModel, type ResolvedLayer } from '../graph/resolved';
import { formatOf } from './blocks';
import { isJoinLayer, JOINS } from '../blocks/index';
import { resolveTrained } from './trained';

export interface PyTorchExportOptions {
  /** File name of the weights JSON written next to model.py (a name, not a path). */
  weightsFile: string;
  appVersion: string;
}

export type PyTorchExportResult = { ok: true; text: string } | { ok: false; message: string; text?: Text };

/** A Python string literal: JSON's escapes are Python's too. */
const py = (s: string): string => JSON.stringify(s);

/** Text safe inside a `#` comment: one line, whatever the project is called. */
// eslint-disable-next-line no-control-regex
const commentText = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

/** nn.Sequential names may not contain "." or be empty; each must be unique. */
function moduleNames(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = id.replace(/\./g, '_') || 'layer';
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  });
}

export function exportPyTorch(project: Project, opts: PyTorchExportOptions): PyTorchExportResult {
  const resolved = resolveTrained(project, 'model');
  if (!resolved.ok) return { ok: false, message: resolved.message, text: resolved.text };
  const { model, layers, classNames } = resolved.trained;
  const names = moduleNames(layers.map((l) => l.layer.nodeId));
  const chain = isChain(model);
  const modules = layers.flatMap(({ layer }, i) =>
    isJoinLayer(layer) ? [] : [`${chain ? '        ' : '            '}(${py(names[i])}, ${formatOf(layer.type).torch(layer)}),`],
  );
  const shape = model.inputShape.length === 1 ? `(${model.inputShape[0]},)` : `(${model.inputShape.join(', ')})`;
  const lines = [
    `# ${commentText(project.name)}: the network from BPNN Studio ${commentText(opts.appVersion)}, rebuilt in PyTorch.`,
    '#',
    `# The layers below are the blocks on the canvas, in order and with the same names. The trained`,
    `# weights are in ${commentText(opts.weightsFile)}, the weights file exported next to this one.`,
    '#',
    '#     python3 model.py points.csv     (one point per row; a header row is optional)',
    'import csv',
    'import json',
    'import sys',
    'from collections import OrderedDict',
    'from pathlib import Path',
    '',
    'import torch',
    'from torch import nn',
    '',
    `WEIGHTS = Path(__file__).with_name(${py(opts.weightsFile)})`,
    `CLASSES = [${classNames.map(py).join(', ')}]`,
    `INPUT_SHAPE = ${shape}`,
    '# float64, as the app computes; float32 is faster and agrees to about 6 digits.',
    'DTYPE = torch.float64',
    '',
    '',
    ...(chain ? sequentialBuild(modules) : graphBuild(model, layers.map((l) => l.layer), names, modules)),
    'def predict(model, points):',
    '    """The class index and the class probabilities for each point (a list of rows, or a tensor)."""',
    '    with torch.no_grad():',
    '        out = model(torch.as_tensor(points, dtype=DTYPE).reshape(-1, *INPUT_SHAPE))',
    '    # One output p is the probability of class 1; several are one score per class.',
    '    probs = torch.cat([1 - out, out], dim=1) if out.shape[1] == 1 else out',
    '    return probs.argmax(dim=1), probs',
    '',
    '',
    'def read_points(path):',
    '    with open(path, newline="", encoding="utf-8") as f:',
    '        rows = [row for row in csv.reader(f) if row]',
    '    try:',
    '        [float(v) for v in rows[0]]',
    '    except ValueError:',
    '        rows = rows[1:]  # the header',
    '    return [[float(v) for v in row] for row in rows]',
    '',
    '',
    'if __name__ == "__main__":',
    '    classes, probs = predict(load(build()), read_points(sys.argv[1]))',
    '    for i, (c, p) in enumerate(zip(classes.tolist(), probs.tolist()), start=1):',
    '        print(i, CLASSES[c], " ".join(f"{v:.6f}" for v in p))',
    '',
  ];
  return { ok: true, text: lines.join('\n') };
}

function sequentialBuild(modules: string[]): string[] {
  return [
    'def build():',
    '    return nn.Sequential(OrderedDict([',
    ...modules,
    '    ])).to(DTYPE)',
    '',
    '',
    'def load(model, path=WEIGHTS):',
    '    """Copies every weight and bias from the weights file: its layers are in the same order."""',
    '    layers = json.loads(Path(path).read_text(encoding="utf-8"))["layers"]',
    '    with torch.no_grad():',
    '        for module, layer in zip(model, layers):',
    '            for name, t in layer.get("weights", {}).items():',
    '                getattr(module, name).copy_(torch.tensor(t["data"], dtype=DTYPE).reshape(t["shape"]))',
    '    return model.eval()',
    '',
    '',
  ];
}

/** A graph: the layers in a ModuleDict, and a forward that runs them in the engine's order. */
function graphBuild(model: CompiledModel, layers: readonly ResolvedLayer[], names: readonly string[], modules: string[]): string[] {
  const value = new Map<string, string>([[model.inputId, 'x']]);
  const steps = layers.map((layer, i) => {
    const v = `h${i + 1}`;
    const xs = model.sources[i].map((id) => value.get(id) ?? 'x');
    value.set(layer.nodeId, v);
    const note = `  # ${layer.type} ${py(layer.nodeId)}`;
    if (isJoinLayer(layer)) return `        ${v} = ${JOINS[layer.type].torch(xs)}${note}`;
    return `        ${v} = self.blocks[${py(names[i])}](${xs[0]})`;
  });
  const moduleOf = Object.fromEntries(layers.map((l, i) => [l.nodeId, names[i]]));
  return [
    'class Net(nn.Module):',
    '    """The graph on the canvas: every block by name, run in an order where each comes after its inputs."""',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    '        self.blocks = nn.ModuleDict(OrderedDict([',
    ...modules,
    '        ]))',
    '',
    '    def forward(self, x):',
    ...steps,
    `        return h${layers.length}`,
    '',
    '',
    'def build():',
    '    return Net().to(DTYPE)',
    '',
    '',
    `MODULE_OF = ${JSON.stringify(moduleOf)}`,
    '',
    '',
    'def load(model, path=WEIGHTS):',
    '    """Copies every weight and bias from the weights file, block by block (by node id)."""',
    '    layers = json.loads(Path(path).read_text(encoding="utf-8"))["layers"]',
    '    with torch.no_grad():',
    '        for layer in layers:',
    '            for name, t in layer.get("weights", {}).items():',
    '                module = model.blocks[MODULE_OF[layer["node"]]]',
    '                getattr(module, name).copy_(torch.tensor(t["data"], dtype=DTYPE).reshape(t["shape"]))',
    '    return model.eval()',
    '',
    '',
  ];
}
