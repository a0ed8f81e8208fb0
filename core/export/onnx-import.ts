// `bpnn import`: an ONNX model back into a .bpnn project with its weights. The model must be a
// network of the blocks the app has (a chain, or a graph with skip connections and branches
// joined by Add or Concat), written with the operators blocks.ts reads; anything else is
// refused with one message that names the first operator or node it cannot take.
// A model BPNN Studio exported comes back as it was (its metadata holds the layout, settings
// and built-in dataset); any other model gets a placeholder dataset of the right shape.
import { internalErrorSaid } from '../graph/describe';
import { saying } from '../messages/said';
import { render, say, type Text } from '../messages/text';
import { MAX_PARAMS } from '../graph/limits';
import { nodeId, type NodeType } from '../graph/spec';
import { datasetInputShape } from '../data/shape';
import { prepareRun } from '../train/prepare';
import type { DatasetSpec } from '../data/types';
import { FORBIDDEN_KEYS, groupDigits } from '../project/limits';
import { validateProjectValue } from '../project/parse';
import { findNonFiniteWeightSaid } from '../project/serialize';
import { projectToSpec } from '../project/spec';
import { PROJECT_FORMAT, PROJECT_VERSION, type Project, type ProjectNode } from '../project/types';
import { defaultSettings } from '../train/settings';
import type { LossName, TrainingSettings, Weights } from '../train/types';
import { JOINS, type JoinType } from '../blocks/index';
import { BLOCK_FORMATS, IMPORTABLE_OPS, JOIN_OPS, type BlockFormat, type OnnxReader, type ReadBlock } from './blocks';
import { ONNX_METADATA, type OnnxProjectNote } from './onnx';
import { DataType, elementCount, int64, onnx, readTensor, type GraphProto, type ModelProto, type NodeProto, type TensorProto, type TensorRead } from './onnx-proto';

/** `notes` in English; `noteTexts` the same notes for a reader in another language. */
export type OnnxImportResult = { ok: true; project: Project; notes: string[]; noteTexts: Text[] } | { ok: false; message: string; text: Text };

/** Oldest default-domain opset read: the operators' meanings used here have not changed since. */
const MIN_OPSET = 7;

/** A refusal: its Text, and the English `message` tests and logs read. */
type Refused = { ok: false; message: string; text: Text };
/** A reader's refusal still in English only (the block kinds' readers) passes through as it is. */
const refuse = (why: Text | string): Refused =>
  typeof why === 'string' ? { ok: false, message: why, text: say('onnx.refused.plain', { message: why }) } : { ok: false, ...saying(why) };
const fail = (why: Text | string): OnnxImportResult => refuse(why);

const NOT_ONNX = say('onnx.refused.notOnnx');

/** ONNX files begin with field 1 (ir_version, a small number): what a cut-off model still shows. */
function startsLikeOnnx(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x08 && bytes[1] >= 3 && bytes[1] <= 20;
}

function decode(bytes: Uint8Array): { ok: true; model: ModelProto } | Refused {
  if (bytes.length === 0) return refuse(say('onnx.refused.empty'));
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch {
    return refuse(startsLikeOnnx(bytes) ? say('onnx.refused.truncated') : NOT_ONNX);
  }
  const ir = int64(model.irVersion);
  if (!(ir >= 3 && ir <= 20) || !model.graph || (model.opsetImport ?? []).length === 0) return refuse(NOT_ONNX);
  return { ok: true, model };
}

const isDefaultDomain = (domain: string | null | undefined): boolean => !domain || domain === 'ai.onnx';
const nodeName = (n: NodeProto): Text => (n.name ? say('onnx.refused.node', { op: n.opType ?? '', name: n.name }) : say('onnx.refused.nodeUnnamed', { op: n.opType ?? '' }));

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
  /** The blocks it reads, in its ONNX node's input order (a Concat's order): an index in `blocks`, or -1 for the graph's input. */
  sources: number[];
}

type Walk = { ok: true; inputShape: number[]; blocks: Imported[] } | Refused;

const inputsOf = (n: NodeProto): string[] => (n.input ?? []).filter((s) => s !== '');
const batched = (shape: readonly number[]): string => `[${['N', ...shape].join(', ')}]`;

/** The join a node is written as, when it is one of their operators. */
function joinOp(n: NodeProto): JoinType | null {
  if (!isDefaultDomain(n.domain)) return null;
  return (Object.keys(JOIN_OPS) as JoinType[]).find((t) => JOIN_OPS[t].includes(n.opType ?? '')) ?? null;
}

/** A join over computed values `xs` with per-sample shapes `shapes`, or why it cannot be one. */
function readJoin(type: JoinType, n: NodeProto, xs: string[], shapes: number[][]): ReadBlock | Text | string {
  const twice = xs.find((x, i) => xs.indexOf(x) !== i);
  if (twice !== undefined) return say('onnx.refused.joinTwice', { node: nodeName(n), value: twice, join: type });
  if (type === 'Concat' && shapes.every((s) => s.length === shapes[0].length)) {
    // The engine joins along axis 1 of the batched tensor; ONNX may spell it from the end.
    const rank = shapes[0].length + 1;
    const axisAttr = (n.attribute ?? []).find((a) => a.name === 'axis');
    const axis = axisAttr ? int64(axisAttr.i) : null;
    const want = JOINS.Concat.onnx(xs.length).axis;
    if (axis === null || (axis < 0 ? axis + rank : axis) !== want) {
      return say(axis === null ? 'onnx.refused.concatNoAxis' : 'onnx.refused.concatAxis', { node: nodeName(n), shapes: shapes.map(batched).join(' and '), axis: axis ?? '', want: String(want) });
    }
  }
  const shape = JOINS[type].outShape(shapes);
  if (!Array.isArray(shape)) return say('onnx.refused.joinShapes', { node: nodeName(n), shapes: shapes.map(batched).join(' and '), why: shape.why });
  return { params: {}, outShape: shape, nodes: 1 };
}

/**
 * Reads the graph's nodes in the file's order (ONNX stores them so that each comes after the
 * nodes it reads), one block at a time: each value is known by the block that computes it, so a
 * value read by several nodes (a skip connection) and a join of several values (Add, Sum,
 * Concat) become edges of the project's graph.
 */
function walk(model: ModelProto): Walk {
  const graph = model.graph as GraphProto;
  const opset = int64((model.opsetImport ?? []).find((o) => isDefaultDomain(o.domain))?.version);
  if (opset < MIN_OPSET) return refuse(say('onnx.refused.oldOpset', { opset, min: MIN_OPSET }));

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
    return refuse(say('onnx.refused.tooManyWeights', { weights: groupDigits(count), limit: groupDigits(MAX_PARAMS) }));
  }

  const unsupported = nodes.find((n) => !isDefaultDomain(n.domain) || !IMPORTABLE_OPS.includes(n.opType ?? ''));
  if (unsupported) {
    const op = isDefaultDomain(unsupported.domain) ? unsupported.opType : `${unsupported.domain}.${unsupported.opType}`;
    const ops = IMPORTABLE_OPS.join(', ');
    return refuse(unsupported.name ? say('onnx.refused.operatorNamed', { op: op ?? '', name: unsupported.name, ops }) : say('onnx.refused.operator', { op: op ?? '', ops }));
  }

  const inputsOfGraph = (graph.input ?? []).filter((v) => !stored.has(v.name ?? ''));
  if (inputsOfGraph.length !== 1) return refuse(say('onnx.refused.inputs', { n: inputsOfGraph.length }));
  if ((graph.output ?? []).length !== 1) return refuse(say('onnx.refused.outputs', { n: (graph.output ?? []).length }));
  const input = inputsOfGraph[0];
  const tensorType = input.type?.tensorType;
  if (tensorType?.elemType !== DataType.FLOAT && tensorType?.elemType !== DataType.DOUBLE) {
    return refuse(say('onnx.refused.inputType', { name: input.name ?? '' }));
  }
  const dims = tensorType.shape?.dim ?? [];
  const perSample = dims.slice(1).map((d) => (d.dimValue !== null && d.dimValue !== undefined ? int64(d.dimValue) : 0));
  if ((dims.length !== 2 && dims.length !== 3) || perSample.some((d) => !(d > 0))) {
    const shown = dims.map((d) => d.dimParam || (d.dimValue !== null && d.dimValue !== undefined ? String(int64(d.dimValue)) : '?')).join(', ');
    return refuse(say('onnx.refused.inputShape', { name: input.name ?? '', shape: shown }));
  }
  const output = graph.output?.[0]?.name ?? '';

  // Which nodes read each value: a value inside a block (MatMul's before its bias is added)
  // must not be read outside it, or the project would lose that path.
  const readers = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const t of inputsOf(n)) {
      const list = readers.get(t);
      if (list) list.push(i);
      else readers.set(t, [i]);
    }
  });

  const constants = new Map<string, TensorRead>();
  const blocks: Imported[] = [];
  // Each computed value by the block that computes it (-1: the graph's input), with its per-sample shape.
  const made = new Map<string, { from: number; shape: number[] }>([[input.name ?? '', { from: -1, shape: perSample }]]);
  const formats = Object.entries(BLOCK_FORMATS) as [Exclude<NodeType, 'Input'>, BlockFormat<Exclude<NodeType, 'Input'>>][];
  let at = 0;
  while (at < nodes.length) {
    const here = at;
    const first = nodes[here];
    const computed = inputsOf(first).filter((t) => !stored.has(t));
    const unknown = computed.find((t) => !made.has(t));
    if (unknown !== undefined) {
      return refuse(say('onnx.refused.unknownValue', { node: nodeName(first), value: unknown }));
    }
    if (computed.length === 0) return refuse(say('onnx.refused.noInput', { node: nodeName(first) }));

    let found: Imported | null = null;
    const join = joinOp(first);
    if (join && computed.length >= 2 && computed.length === inputsOf(first).length) {
      const read = readJoin(join, first, computed, computed.map((t) => (made.get(t) as { shape: number[] }).shape));
      if (typeof read === 'string' || !('outShape' in read)) return refuse(read);
      found = { type: join, name: first.name ?? '', block: read, sources: computed.map((t) => (made.get(t) as { from: number }).from) };
    } else if (join && !formats.some(([, f]) => f.onnxOps.includes(first.opType ?? ''))) {
      // An Add with one stored input is a Linear's bias; a Concat or Sum has no such reading.
      return refuse(say(computed.length < inputsOf(first).length ? 'onnx.refused.joinStored' : 'onnx.refused.joinOne', { node: nodeName(first), join }));
    } else {
      const x = computed[0];
      const { from, shape } = made.get(x) as { from: number; shape: number[] };
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
      for (const [type, format] of formats) {
        const read = format.fromOnnx(reader);
        if (read === null) continue;
        if (typeof read === 'string' || !('outShape' in read)) return refuse(read);
        found = { type, name: nodes[here + read.nodes - 1].name ?? '', block: read, sources: [from] };
        break;
      }
      if (!found) return refuse(say('onnx.refused.notStart', { node: nodeName(first), op: first.opType ?? '' }));
    }
    const end = here + found.block.nodes;
    for (let i = here; i < end - 1; i++) {
      for (const t of nodes[i].output ?? []) {
        const outside = (readers.get(t) ?? []).find((j) => j < here || j >= end);
        if (outside !== undefined || t === output) {
          const by = outside !== undefined ? nodeName(nodes[outside]) : say('onnx.refused.theOutput');
          return refuse(say('onnx.refused.insideLayer', { node: nodeName(nodes[i]), type: found.type, value: t, by }));
        }
      }
    }
    const y = nodes[end - 1].output?.[0] ?? '';
    // A second block under the same name would cut the first out of the graph unseen.
    if (made.has(y)) return refuse(say('onnx.refused.computedTwice', { node: nodeName(nodes[end - 1]), value: y }));
    blocks.push(found);
    made.set(y, { from: blocks.length - 1, shape: found.block.outShape });
    at = end;
  }
  if (!made.has(output)) return refuse(say('onnx.refused.outputMissing', { output }));
  // The engine trains one output; a layer leading nowhere else would be silently dropped from the loss.
  for (const [t, { from }] of made) {
    if (from >= 0 && t !== output && !readers.has(t)) {
      return refuse(say('onnx.refused.deadEnd', { node: nodeName(nodes.find((n) => n.output?.[0] === t) as NodeProto), value: t, output }));
    }
  }
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
  // Without a stored layout, each block goes one column right of its furthest source and below
  // the blocks already in that column, so branches sit side by side instead of on one line.
  const column = [0];
  const filled = new Map<number, number>([[0, 1]]);
  const fallback = [{ x: 0, y: 120 }];
  for (const b of read.blocks) {
    const c = 1 + Math.max(...b.sources.map((s) => column[s + 1]));
    const row = filled.get(c) ?? 0;
    filled.set(c, row + 1);
    column.push(c);
    fallback.push({ x: 220 * c, y: 120 + 140 * row });
  }
  const place = (id: string, i: number) => {
    const p = Object.prototype.hasOwnProperty.call(positions, id) ? positions[id] : undefined;
    return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : fallback[i];
  };
  const nodes: ProjectNode[] = [{ id: nodeId(inputId), type: 'Input', params: {}, position: place(inputId, 0) }];
  const weights: Weights = {};
  read.blocks.forEach((b, i) => {
    nodes.push({ id: nodeId(ids[i]), type: b.type, params: b.block.params, position: place(ids[i], i + 1) });
    if (b.block.weights) weights[ids[i]] = b.block.weights;
  });
  const idOf = (source: number): string => (source < 0 ? inputId : ids[source]);
  // A join's incoming edges in its ONNX inputs' order: the order a Concat joins in.
  const edges = read.blocks.flatMap((b, i) =>
    b.sources.map((s) => ({ id: `e-${idOf(s)}-${ids[i]}`, source: nodeId(idOf(s)), target: nodeId(ids[i]) })),
  );

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
function unusable(project: Project, inputShape: number[]): Text | string | null {
  const checked = validateProjectValue(project);
  // The JSON path before the reason, as the project file's own problems are said.
  if (!checked.ok) return `${checked.problems[0].path}: ${checked.problems[0].message}`;
  // The shape first: a network compiled against the wrong input would report a symptom instead.
  // (A broken dataset has no shape, [0]; prepareRun then says what is wrong with it.)
  const shape = datasetInputShape(project.dataset);
  if (!shape.includes(0) && shape.join() !== inputShape.join()) return say('onnx.refused.shapeMismatch', { data: shape.join(', '), model: inputShape.join(', ') });
  const prepared = prepareRun(projectToSpec(project), project.dataset, { settings: project.training });
  if (prepared.ok) return null;
  const first = prepared.problems[0];
  return first ? (first.text ?? first.message) : say('onnx.refused.notCompiled');
}

export function importOnnx(bytes: Uint8Array, fileName: string): OnnxImportResult {
  try {
    return importModel(bytes, fileName);
  } catch (e) {
    return fail(internalErrorSaid(say('onnx.refused.internal'), e));
  }
}

function importModel(bytes: Uint8Array, fileName: string): OnnxImportResult {
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const read = walk(decoded.model);
  if (!read.ok) return read;

  for (const b of read.blocks) {
    const bad = findNonFiniteWeightSaid({ [b.name || b.type]: b.block.weights ?? {} });
    if (bad !== null) return fail(say('onnx.refused.nonFinite', { where: bad }));
  }
  const note = readNote(decoded.model);
  const noteTexts: Text[] = [];
  let project = assemble(decoded.model, fileName, read, note);
  // The metadata is only a convenience: when it no longer fits the network (edited by another
  // tool, or damaged), the network alone is imported.
  if (note && unusable(project, read.inputShape) !== null) {
    project = assemble(decoded.model, fileName, read, null);
    noteTexts.push(say('onnx.note.metadataDropped'));
  }
  const problem = unusable(project, read.inputShape);
  if (problem !== null) return fail(say('onnx.refused.unusable', { problem }));
  if (project.dataset.kind === 'inline' && project.dataset.name.startsWith('placeholder')) {
    noteTexts.push(say('onnx.note.noData'));
  }
  return { ok: true, project, notes: noteTexts.map((t) => render(t)), noteTexts };
}
