// The ONNX export: the trained network as a ModelProto that ONNX Runtime, PyTorch, Netron and
// every other ONNX tool read as it is. One graph input "input" [N, …inputShape] and one output
// "output" [N, …outputShape] with a free batch size N; each block becomes the operators its
// entry in blocks.ts writes; the class names, the prediction rule and the app's version go in
// the metadata, with what `bpnn import` needs to rebuild the project (docs/export.md).
import type { Project } from '../project/types';
import type { Text } from '../messages/text';
import type { TensorProto } from './onnx-proto';
import { DataType, IR_VERSION, OPSET, floatTensor, int64Tensor, intAttr, onnx, type FloatType, type NodeProto, type ValueInfoProto } from './onnx-proto';
import { formatOf, type OnnxWriter } from './blocks';
import { isJoinLayer, JOINS } from '../blocks/index';
import { describePrediction, resolveTrained } from './trained';

export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'output';

/** The metadata_props keys the export writes. */
export const ONNX_METADATA = {
  /** JSON array of the class names, by class index. */
  classes: 'classes',
  /** How the output becomes a class, in words. */
  prediction: 'prediction',
  appVersion: 'bpnn_studio_version',
  /** JSON: the project's name, description, training settings, built-in dataset and canvas layout. */
  project: 'bpnn_project',
} as const;

/** What `bpnn_project` holds: enough for import to give back the project that was exported. */
export interface OnnxProjectNote {
  name: string;
  description: string;
  training: Project['training'];
  /** A built-in dataset's recipe; null for imported data, whose rows stay out of the model file. */
  dataset: Project['dataset'] | null;
  featureNames: string[];
  /** The Input node's id (the layers' ids are the ONNX node names). */
  inputId: string;
  positions: Record<string, { x: number; y: number }>;
}

export interface OnnxExportOptions {
  /** float32 (the default, what every runtime expects) or float64 (the app's own precision). */
  floatType?: FloatType;
  /** The app's version, recorded in the model. */
  appVersion: string;
}

export type OnnxExportResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string; text?: Text };

function valueInfo(name: string, type: FloatType, shape: readonly number[], docString: string): ValueInfoProto {
  return {
    name,
    docString,
    type: {
      tensorType: {
        elemType: type === 'float32' ? DataType.FLOAT : DataType.DOUBLE,
        shape: { dim: [{ dimParam: 'N' }, ...shape.map((d) => ({ dimValue: d }))] },
      },
    },
  };
}

export function exportOnnx(project: Project, opts: OnnxExportOptions): OnnxExportResult {
  const floatType = opts.floatType ?? 'float32';
  const resolved = resolveTrained(project, 'model');
  if (!resolved.ok) return { ok: false, message: resolved.message, text: resolved.text };
  const { model, layers, classNames, outputs } = resolved.trained;

  const nodes: NodeProto[] = [];
  const initializer: TensorProto[] = [];
  const writer: OnnxWriter = {
    floatType,
    floats(name, dims, values) {
      initializer.push(floatTensor(name, dims, values, floatType));
      return name;
    },
    int64s(name, dims, values) {
      initializer.push(int64Tensor(name, dims, values));
      return name;
    },
    node(opType, name, input, output, attribute = []) {
      nodes.push({ opType, name, input: [...input], output: [output], attribute });
    },
  };

  // Values are named after their node ("fc1.out", "fc1.weight"): unique because node ids are,
  // and the same names the Backprop tab and PyTorch's state_dict use.
  // A graph reads each layer's sources by name; a join becomes the one node its definition names.
  const valueOf = (id: string, i: number): string => (id === model.inputId ? ONNX_INPUT : i === layers.length - 1 ? ONNX_OUTPUT : `${id}.out`);
  const indexOf = new Map(layers.map(({ layer }, i) => [layer.nodeId as string, i]));
  layers.forEach(({ layer, tensors }, i) => {
    const y = valueOf(layer.nodeId, i);
    const xs = model.sources[i].map((id) => valueOf(id, indexOf.get(id) ?? -1));
    if (isJoinLayer(layer)) {
      const { op, axis } = JOINS[layer.type].onnx(xs.length);
      writer.node(op, layer.nodeId, xs, y, axis === undefined ? [] : [intAttr('axis', axis)]);
    } else formatOf(layer.type).toOnnx(writer, layer, tensors, xs[0], y);
  });
  if (layers.length === 0) writer.node('Identity', model.inputId, [ONNX_INPUT], ONNX_OUTPUT);

  const prediction = describePrediction(outputs);
  const note: OnnxProjectNote = {
    name: project.name,
    description: project.description,
    training: project.training,
    dataset: project.dataset.kind === 'generator' ? project.dataset : null,
    featureNames: project.dataset.kind === 'inline' ? project.dataset.featureNames : [],
    inputId: model.inputId,
    positions: Object.fromEntries(project.graph.nodes.map((n) => [n.id, n.position])),
  };
  const message = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'BPNN Studio',
    producerVersion: opts.appVersion,
    docString: project.description,
    graph: {
      name: project.name,
      node: nodes,
      initializer,
      input: [valueInfo(ONNX_INPUT, floatType, model.inputShape, model.inputShape.length === 1 ? 'A batch of points: [N, features].' : 'A batch of signals: [N, channels, length].')],
      output: [valueInfo(ONNX_OUTPUT, floatType, model.outputShape, prediction)],
    },
    metadataProps: [
      { key: ONNX_METADATA.classes, value: JSON.stringify(classNames) },
      { key: ONNX_METADATA.prediction, value: prediction },
      { key: ONNX_METADATA.appVersion, value: opts.appVersion },
      { key: ONNX_METADATA.project, value: JSON.stringify(note) },
    ],
  });
  return { ok: true, bytes: onnx.ModelProto.encode(message).finish() };
}
