// `bpnn import`: an ONNX model back into a .bpnn project with its weights. The model must be
// one chain of the blocks the app has, written with the operators blocks.ts reads; anything
// else is refused with one message that names the first operator or node it cannot take.
// A model BPNN Studio exported comes back as it was (its metadata holds the layout, settings
// and built-in dataset); any other model gets a placeholder dataset of the right shape.
import { compileModel, checkLossFit } from '../graph/validate';
import { internalErrorText } from '../graph/describe';
import { MAX_PARAMS } from '../graph/limits';
import { nodeId, type NodeType } from '../graph/spec';
import { makeDataset } from '../data/index';
import type { DatasetSpec } from '../data/types';
import { FORBIDDEN_KEYS, groupDigits } from '../project/limits';
import { validateProjectValue } from '../project/parse';
import { findNonFiniteWeight } from '../project/serialize';
import { projectToSpec } from '../project/spec';
import { PROJECT_FORMAT, PROJECT_VERSION, type Project, type ProjectNode } from '../project/types';
import { defaultSettings } from '../train/settings';
import type { LossName, TrainingSettings, Weights } from '../train/types';
import { BLOCK_FORMATS, IMPORTABLE_OPS, type BlockFormat, type OnnxReader, type ReadBlock } from './blocks';
import { ONNX_METADATA, type OnnxProjectNote } from './onnx';
import { DataType, elementCount, int64, onnx, readTensor, type GraphProto, type ModelProto, type NodeProto, type TensorProto, type TensorRead } from './onnx-proto';

export type OnnxImportResult = { ok: true; project: Project; notes: string[] } | { ok: false; message: string };

/** Oldest default-domain opset read: the operators' meanings used here have not changed since. */
const MIN_OPSET = 7;

const fail = (message: string): OnnxImportResult => ({ ok: false, message });

const NOT_ONNX =
  'this is not an ONNX model: open an .onnx file written by `bpnn export --onnx`, PyTorch (torch.onnx.export) or another ONNX exporter';

/** ONNX files begin with field 1 (ir_version, a small number): what a cut-off model still shows. */
function startsLikeOnnx(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x08 && bytes[1] >= 3 && bytes[1] <= 20;
}

function decode(bytes: Uint8Array): { ok: true; model: ModelProto } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty: export the model again' };
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch {
    const message = startsLikeOnnx(bytes) ? 'the model is cut short (the file is truncated): copy or export it again' : NOT_ONNX;
    return { ok: false, message };
  }
  const ir = int64(model.irVersion);
  if (!(ir >= 3 && ir <= 20) || !model.graph || (model.opsetImport ?? []).length === 0) return { ok: false, message: NOT_ONNX };
  return { ok: true, model };
}

const isDefaultDomain = (domain: string | null | undefined): boolean => !domain || domain === 'ai.onnx';
const nodeName = (n: NodeProto): string => `${n.opType} node${n.name ? ` '${n.name}'` : ''}`;

/** The same rule as the editor's new nodes: the kind in lower case plus the smallest free number. */
function freshId(type: NodeType, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`${type.toLowerCase()}${i}`)) return `${type.toLowerCase()}${i}`;
}

/** A node name from the file as a node id, when it can be one: short, unused, not reserved. */
function usableId(name: string | null | undefined, taken: ReadonlySet<string>): string | null {
  if (!name || name.length > 64 || taken.has(name) || FORBIDDEN_KEYS.has(name)) return null;
  return name;
}

function readNote(model: ModelProto): OnnxProjectNote | null {
  const text = (model.metadataProps ?? []).find((p) => p.key === ONNX_METADATA.project)?.value;
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as OnnxProjectNote) : null;
  } catch {
    return null;
  }
}

function readClasses(model: ModelProto): string[] | null {
  const text = (model.metadataProps ?? []).find((p) => p.key === ONNX_METADATA.classes)?.value;
  try {
    const v = text ? (JSON.parse(text) as unknown) : null;
    return Array.isArray(v) && v.every((c) => typeof c === 'string') ? v : null;
  } catch {
    return null;
  }
}

interface Imported {
  type: NodeType;
  /** The name the file gave the block's last node. */
  name: string;
  block: ReadBlock;
}

type Walk = { ok: true; inputShape: number[]; blocks: Imported[] } | { ok: false; message: string };

/** Follows the graph from its input to its output, one block at a time. */
function walk(model: ModelProto): Walk {
  const graph = model.graph as GraphProto;
  const opset = int64((model.opsetImport ?? []).find((o) => isDefaultDomain(o.domain))?.version);
  if (opset < MIN_OPSET) return { ok: false, message: `the model uses ONNX opset ${opset}, older than BPNN Studio reads (${MIN_OPSET} or later): convert it with onnx.version_converter` };

  // Stored tensors: initializers, Constant nodes and Identity copies of either.
  const stored = new Map<string, TensorProto>();
  for (const t of graph.initializer ?? []) if (t.name) stored.set(t.name, t);
  const nodes: NodeProto[] = [];
  for (const n of graph.node ?? []) {
    const value = n.opType === 'Constant' && isDefaultDomain(n.domain) ? (n.attribute ?? []).find((a) => a.name === 'value')?.t : undefined;
    const source = n.opType === 'Identity' && isDefaultDomain(n.domain) ? stored.get(n.input?.[0] ?? '') : undefined;
    if ((value || source) && n.output?.[0]) stored.set(n.output[0], (value ?? source) as TensorProto);
    else nodes.push(n);
  }

  // Before reading a single weight: a model too large to ever train here is refused by its shapes.
  let count = 0;
  for (const t of stored.values()) if (t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) count += elementCount((t.dims ?? []).map(int64));
  if (count > MAX_PARAMS) {
    return { ok: false, message: `the model has ${groupDigits(count)} weights, above BPNN Studio's limit of ${groupDigits(MAX_PARAMS)} for one network: it is too large to train or inspect here` };
  }

  const unsupported = nodes.find((n) => !isDefaultDomain(n.domain) || !IMPORTABLE_OPS.includes(n.opType ?? ''));
  if (unsupported) {
    const op = isDefaultDomain(unsupported.domain) ? unsupported.opType : `${unsupported.domain}.${unsupported.opType}`;
    return {
      ok: false,
      message: `the model uses the operator ${op}${unsupported.name ? ` (node '${unsupported.name}')` : ''}, which BPNN Studio cannot import; it reads networks made of ${IMPORTABLE_OPS.join(', ')}`,
    };
  }

  const inputsOfGraph = (graph.input ?? []).filter((v) => !stored.has(v.name ?? ''));
  if (inputsOfGraph.length !== 1) return { ok: false, message: `the model has ${inputsOfGraph.length} inputs; a BPNN Studio network has exactly one` };
  if ((graph.output ?? []).length !== 1) return { ok: false, message: `the model has ${(graph.output ?? []).length} outputs; a BPNN Studio network has exactly one` };
  const input = inputsOfGraph[0];
  const tensorType = input.type?.tensorType;
  if (tensorType?.elemType !== DataType.FLOAT && tensorType?.elemType !== DataType.DOUBLE) {
    return { ok: false, message: `the model's input '${input.name}' is not a tensor of float or double numbers` };
  }
  const dims = tensorType.shape?.dim ?? [];
  const perSample = dims.slice(1).map((d) => (d.dimValue !== null && d.dimValue !== undefined ? int64(d.dimValue) : 0));
  if ((dims.length !== 2 && dims.length !== 3) || perSample.some((d) => !(d > 0))) {
    const shown = dims.map((d) => d.dimParam || (d.dimValue !== null && d.dimValue !== undefined ? String(int64(d.dimValue)) : '?')).join(', ');
    return { ok: false, message: `the model's input '${input.name}' has shape [${shown}]; BPNN Studio takes [N, features] or [N, channels, length] with fixed sizes after the batch` };
  }

  const constants = new Map<string, TensorRead>();
  const blocks: Imported[] = [];
  const formats = Object.entries(BLOCK_FORMATS) as [Exclude<NodeType, 'Input'>, BlockFormat<Exclude<NodeType, 'Input'>>][];
  let at = 0;
  let x = input.name ?? '';
  let shape = perSample;
  while (at < nodes.length) {
    const here = at;
    const first = nodes[here];
    if (!(first.input ?? []).includes(x)) {
      return { ok: false, message: `${nodeName(first)} does not take the output of the layer before it ('${x}'): BPNN Studio imports one chain of layers, each feeding the next` };
    }
    const reader: OnnxReader = {
      node: (offset) => nodes[here + offset],
      x,
      shape,
      opset,
      constant(name) {
        const t = stored.get(name);
        if (!t) return null;
        let read = constants.get(name);
        if (!read) constants.set(name, (read = readTensor(t)));
        return read;
      },
    };
    let found: Imported | null = null;
    for (const [type, format] of formats) {
      const read = format.fromOnnx(reader);
      if (read === null) continue;
      if (typeof read === 'string') return { ok: false, message: read };
      found = { type, name: nodes[here + read.nodes - 1].name ?? '', block: read };
      break;
    }
    if (!found) return { ok: false, message: `${nodeName(first)} cannot start a layer here: BPNN Studio reads ${first.opType} only as part of another layer` };
    blocks.push(found);
    const last = nodes[here + found.block.nodes - 1];
    x = last.output?.[0] ?? '';
    shape = found.block.outShape;
    at = here + found.block.nodes;
  }
  const output = graph.output?.[0]?.name ?? '';
  if (x !== output) return { ok: false, message: `the model's output '${output}' is not the end of its chain of layers ('${x}')` };
  return { ok: true, inputShape: perSample, blocks };
}

/** The loss a network ending this way trains with. */
function lossFor(last: NodeType | undefined, outputs: number): LossName {
  if (last === 'Sigmoid' && outputs === 1) return 'bce';
  if (last === 'Softmax') return 'crossEntropy';
  return 'mse';
}

/** Two rows of zeros with the model's input shape and classes: valid, and plainly not data. */
function placeholderData(fileName: string, inputShape: number[], classNames: string[], featureNames: string[]): DatasetSpec {
  const width = elementCount(inputShape);
  return {
    kind: 'inline',
    name: `placeholder (no data came with ${fileName})`,
    featureNames: featureNames.length === width ? featureNames : Array.from({ length: width }, (_, j) => `x${j + 1}`),
    features: [new Array<number>(width).fill(0), new Array<number>(width).fill(0)],
    labels: [0, Math.min(1, classNames.length - 1)],
    classNames,
    ...(inputShape.length === 2 ? { inputShape } : {}),
  };
}

function assemble(model: ModelProto, fileName: string, read: Extract<Walk, { ok: true }>, note: OnnxProjectNote | null): Project {
  const taken = new Set<string>();
  const ids: string[] = [];
  const inputId = usableId(typeof note?.inputId === 'string' ? note.inputId : null, taken) ?? 'input';
  taken.add(inputId);
  for (const b of read.blocks) {
    const id = usableId(b.name, taken) ?? freshId(b.type, taken);
    taken.add(id);
    ids.push(id);
  }
  const positions = note?.positions && typeof note.positions === 'object' ? note.positions : {};
  const place = (id: string, i: number) => {
    const p = Object.prototype.hasOwnProperty.call(positions, id) ? positions[id] : undefined;
    return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : { x: 220 * i, y: 120 };
  };
  const nodes: ProjectNode[] = [{ id: nodeId(inputId), type: 'Input', params: {}, position: place(inputId, 0) }];
  const weights: Weights = {};
  read.blocks.forEach((b, i) => {
    nodes.push({ id: nodeId(ids[i]), type: b.type, params: b.block.params, position: place(ids[i], i + 1) });
    if (b.block.weights) weights[ids[i]] = b.block.weights;
  });
  const chain = [inputId, ...ids];
  const edges = chain.slice(1).map((target, i) => ({ id: `e-${chain[i]}-${target}`, source: nodeId(chain[i]), target: nodeId(target) }));

  const outShape = read.blocks.length ? read.blocks[read.blocks.length - 1].block.outShape : read.inputShape;
  const outputs = elementCount(outShape);
  const k = outputs === 1 ? 2 : outputs;
  const classes = readClasses(model);
  const classNames = classes && classes.length === k ? classes : Array.from({ length: k }, (_, i) => String(i));
  const training: TrainingSettings = note?.training ?? { ...defaultSettings(), loss: lossFor(read.blocks[read.blocks.length - 1]?.type, outputs) };
  const dataset: DatasetSpec = note?.dataset ?? placeholderData(fileName, read.inputShape, classNames, Array.isArray(note?.featureNames) ? note.featureNames : []);
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: note?.name ?? (model.graph?.name || fileName.replace(/\.onnx$/i, '')),
    description: note?.description ?? (model.docString || `Imported from ${fileName}${model.producerName ? ` (made by ${model.producerName})` : ''}.`),
    graph: { nodes, edges },
    dataset,
    training,
    weights,
    runs: [],
  };
}

/** A problem that stops the project from being used, or null. */
function unusable(project: Project, inputShape: number[]): string | null {
  const checked = validateProjectValue(project);
  if (!checked.ok) return `${checked.problems[0].path}: ${checked.problems[0].message}`;
  const data = makeDataset(project.dataset);
  if (!data.ok) return data.problems[0]?.message ?? 'the dataset cannot be made';
  if (data.dataset.inputShape.join() !== inputShape.join()) return `the dataset's input shape [${data.dataset.inputShape.join(', ')}] is not the model's [${inputShape.join(', ')}]`;
  const compiled = compileModel(projectToSpec(project), inputShape);
  if (!compiled.ok) return compiled.problems[0]?.message ?? 'the network does not compile';
  const fit = checkLossFit(compiled.model, project.training.loss, data.dataset.numClasses);
  return fit.length ? fit[0].message : null;
}

export function importOnnx(bytes: Uint8Array, fileName: string): OnnxImportResult {
  try {
    return importModel(bytes, fileName);
  } catch (e) {
    return fail(internalErrorText('read this model', e));
  }
}

function importModel(bytes: Uint8Array, fileName: string): OnnxImportResult {
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(decoded.message);
  const read = walk(decoded.model);
  if (!read.ok) return fail(read.message);

  for (const b of read.blocks) {
    const bad = findNonFiniteWeight({ [b.name || b.type]: b.block.weights ?? {} });
    if (bad !== null) return fail(`${bad}: a network with such a weight cannot be trained or used; export the model again from a healthy run`);
  }
  const note = readNote(decoded.model);
  const notes: string[] = [];
  let project = assemble(decoded.model, fileName, read, note);
  // The metadata is only a convenience: when it no longer fits the network (edited by another
  // tool, or damaged), the network alone is imported.
  if (note && unusable(project, read.inputShape) !== null) {
    project = assemble(decoded.model, fileName, read, null);
    notes.push('The BPNN Studio details stored in the model (layout, settings, dataset) do not fit its network any more, so they were left out.');
  }
  const problem = unusable(project, read.inputShape);
  if (problem !== null) return fail(`the network cannot be used in BPNN Studio: ${problem}`);
  if (project.dataset.kind === 'inline' && project.dataset.name.startsWith('placeholder')) {
    notes.push(`No training data came with the model: its dataset is a placeholder of two rows of zeros. Import your data (a CSV file) before training; predicting works as it is.`);
  }
  return { ok: true, project, notes };
}
